using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Calendar.Tests;
using AgentCalls.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PoliciesClient = AgentCalls.Contracts.Clients.V1.Policies.PoliciesClient;
using CallsClient = AgentCalls.Contracts.Conversation.V1.Calls.CallsClient;
using ConversationClient = AgentCalls.Contracts.Conversation.V1.Conversation.ConversationClient;

namespace AgentCalls.Conversation.Tests;

/// <summary>
/// Conversation.Service on its own database, with the real Identity, Clients and Calendar and no LLM role configured
/// (offline), for this test assembly.
/// </summary>
public class ConversationServiceHost() : ServiceHost<ConversationDbContext>("conversationdb")
{
    /// <summary>A fixed time the tests place their calls around (each test has its own agent).</summary>
    public static readonly DateTimeOffset Morning = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public ConversationClient Conversation => new(Channel);

    /// <summary>A small upload limit, so the test of it sends little.</summary>
    public const long MaxDocumentBytes = 300_000;

    public CallsClient Calls => new(Channel);

    public ClientsServer ClientsServer { get; private set; } = null!;

    public CalendarServer CalendarServer { get; private set; } = null!;

    public FakeTranscription Transcription { get; private set; } = null!;

    protected override async Task BeforeServiceStartsAsync()
    {
        ClientsServer = await ClientsServer.StartAsync(Servers, Issuer);
        CalendarServer = await CalendarServer.StartAsync(Servers, Instance, ClientsServer.GrpcAddress);
        Transcription = await FakeTranscription.StartAsync();
    }

    /// <summary>The embedding model, loaded once for every host of the assembly (it takes ~350 MB), and a small upload limit.</summary>
    protected override void ConfigureService(IWebHostBuilder host)
    {
        host.UseSetting("Documents:MaxDocumentBytes", MaxDocumentBytes.ToString());
        host.ConfigureServices(services => services.AddSingleton<ITextEmbedder>(SharedEmbedder.Instance));
        host.UseSetting("services:clients:grpc:0", ClientsServer.GrpcAddress.ToString());
        host.UseSetting("services:calendar:grpc:0", CalendarServer.GrpcAddress.ToString());
        host.UseSetting("services:transcription:grpc:0", Transcription.Address.ToString());
        host.UseSetting("Calls:ServiceClientSecret", IdentityServerInstance.ConversationServiceSecret);
        host.UseSetting("Calls:IdleTimeout", IdleTimeout.ToString());
        host.UseSetting("Eventing:ServiceName", $"conversation-tests-{Guid.NewGuid():N}");
    }

    /// <summary>Short, so the test of an abandoned call is quick; long enough for a reconnect to beat it.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A new client of <paramref name="agent"/>'s and a call started with them.</summary>
    public async Task<(Contracts.Clients.V1.Client Client, Call Call)> StartCallAsync(SignedInAgent agent, string clientName = "Carla Caller")
    {
        var client = await ClientsServer.CreateAsync(agent, clientName);
        var call = await Calls.StartCallAsync(new StartCallRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
        return (client, call);
    }

    /// <summary>A new client of <paramref name="agent"/>'s in Chicago with a home policy (Prairie Mutual, $1,250.00, renewing in 40 days), and a call started with them.</summary>
    public async Task<(Contracts.Clients.V1.Client Client, Call Call)> StartCallWithPolicyAsync(SignedInAgent agent, string clientName = "Maria Lopez")
    {
        var cancel = TestContext.Current.CancellationToken;
        var client = await ClientsServer.Clients.CreateClientAsync(
            new CreateClientRequest { Client = new Contracts.Clients.V1.Client { DisplayName = clientName, TimeZone = "America/Chicago" } }, agent.Bearer, cancellationToken: cancel);
        var renews = DateTime.UtcNow.AddDays(40);
        await new PoliciesClient(ClientsServer.Channel).CreatePolicyAsync(new CreatePolicyRequest
        {
            ClientId = client.ClientId,
            Policy = new Policy
            {
                PolicyNumber = $"HO-{Guid.NewGuid():N}"[..20], Carrier = "Prairie Mutual", LineOfBusiness = LineOfBusiness.Home, Status = PolicyStatus.Active,
                PremiumMinor = 125_000, EffectiveDate = new Google.Type.Date { Year = renews.Year - 1, Month = renews.Month, Day = Math.Min(renews.Day, 28) },
                ExpirationDate = new Google.Type.Date { Year = renews.Year, Month = renews.Month, Day = Math.Min(renews.Day, 28) },
            },
        }, agent.Bearer, cancellationToken: cancel);
        var call = await Calls.StartCallAsync(new StartCallRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: cancel);
        return (client, call);
    }

    /// <summary>Opens the call's WebSocket as <paramref name="agent"/>, as the gateway would (with the agent's bearer token).</summary>
    public Task<LiveSocket> ConnectAsync(SignedInAgent agent, string callId) => LiveSocket.ConnectAsync(CreateWebSocketClient(), agent, callId);

    /// <summary>
    /// A new database of its own, and a way to start processes of the service on it (each call starts one more: the
    /// service after a restart, or a replica), where calls go idle after <paramref name="idleTimeout"/>.
    /// </summary>
    public async Task<Func<ConversationProcess>> OnNewDatabaseAsync(TimeSpan idleTimeout)
    {
        var start = await OnNewDatabaseAsync();
        return () => start(h => h.UseSetting("Calls:IdleTimeout", idleTimeout.ToString()));
    }

    /// <summary>A new database of its own, and a way to start processes of the service on it with settings of their own.</summary>
    public async Task<Func<Action<IWebHostBuilder>, ConversationProcess>> OnNewDatabaseAsync()
    {
        var database = await Servers.CreateDatabaseAsync("conversationdb");
        return configure => new ConversationProcess(CreateInstance(h =>
        {
            h.UseSetting("ConnectionStrings:conversationdb", database);
            configure(h);
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Transcription is not null)
        {
            await Transcription.DisposeAsync();
        }

        if (CalendarServer is not null)
        {
            await CalendarServer.DisposeAsync();
        }

        if (ClientsServer is not null)
        {
            await ClientsServer.DisposeAsync();
        }
    }

    public Task<T> QueryAsync<T>(Func<ConversationDbContext, Task<T>> query) => Services.QueryAsync(query);

    /// <summary>Adds one call log of <paramref name="agent"/> with <paramref name="clientId"/> per start time, in the order given.</summary>
    public async Task<CallLog[]> AddCallsAsync(SignedInAgent agent, Guid clientId, params DateTimeOffset[] startTimes)
    {
        var logs = startTimes.Select(start => new CallLog { AgentId = agent.AgentId, ClientId = clientId, StartedAt = start }).ToArray();
        await Services.AddRowsAsync<ConversationDbContext>(logs, TestContext.Current.CancellationToken);
        return logs;
    }

    public async Task<ListCallLogsResponse> ListAsync(SignedInAgent agent, int pageSize = 0, string pageToken = "", string clientId = "") =>
        await Conversation.ListCallLogsAsync(
            new ListCallLogsRequest { PageSize = pageSize, PageToken = pageToken, ClientId = clientId }, agent.Bearer,
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Every page from <paramref name="pageToken"/> on, in order.</summary>
    public Task<List<CallLogSummary>> ListFromAsync(SignedInAgent agent, int pageSize, string pageToken, string clientId = "") =>
        Pages.ReadFromAsync(pageToken, token => ListAsync(agent, pageSize, token, clientId), page => page.CallLogs, page => page.NextPageToken);
}
