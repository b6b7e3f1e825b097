using AgentCalls.Bench.Support;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.TestSupport;
using CallsClient = AgentCalls.Contracts.Conversation.V1.Calls.CallsClient;
using ClientsClient = AgentCalls.Contracts.Clients.V1.Clients.ClientsClient;
using PoliciesClient = AgentCalls.Contracts.Clients.V1.Policies.PoliciesClient;

namespace AgentCalls.Bench.LiveCall;

/// <summary>One Conversation.Service process of a phase, an agent, and a client of theirs (in Chicago, with a home policy renewing in 40 days) to call.</summary>
public sealed class ConversationUnderTest(ServiceProcess process, CallsClient calls, SignedInAgent agent, string clientId)
{
    /// <summary>How long the benchmark waits for any one message before it calls the run failed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public ServiceProcess Process { get; } = process;

    public CallsClient Calls { get; } = calls;

    public SignedInAgent Agent { get; } = agent;

    public static async Task<ConversationUnderTest> StartAsync(LiveCallSystem system, ServiceProcess process, string agentName, CancellationToken cancellationToken)
    {
        var agent = await system.SignInAsync(agentName, cancellationToken);
        var clientsChannel = system.ChannelTo(system.Clients);
        var client = await new ClientsClient(clientsChannel).CreateClientAsync(
            new CreateClientRequest { Client = new Client { DisplayName = "Maria Lopez", TimeZone = "America/Chicago" } }, agent.Bearer, cancellationToken: cancellationToken);
        var renews = DateTime.UtcNow.AddDays(40);
        await new PoliciesClient(clientsChannel).CreatePolicyAsync(new CreatePolicyRequest
        {
            ClientId = client.ClientId,
            Policy = new Policy
            {
                PolicyNumber = "HO-2291-448", Carrier = "Prairie Mutual", LineOfBusiness = LineOfBusiness.Home, Status = PolicyStatus.Active, PremiumMinor = 125_000,
                EffectiveDate = new Google.Type.Date { Year = renews.Year - 1, Month = renews.Month, Day = Math.Min(renews.Day, 28) },
                ExpirationDate = new Google.Type.Date { Year = renews.Year, Month = renews.Month, Day = Math.Min(renews.Day, 28) },
            },
        }, agent.Bearer, cancellationToken: cancellationToken);
        return new ConversationUnderTest(process, new CallsClient(system.ChannelTo(process)), agent, client.ClientId);
    }

    /// <summary>A new call with the client and its socket, past the first <c>state</c>.</summary>
    public async Task<(string CallId, CallSocket Socket)> OpenCallAsync(CancellationToken cancellationToken)
    {
        var call = await Calls.StartCallAsync(new StartCallRequest { ClientId = clientId }, Agent.Bearer, cancellationToken: cancellationToken);
        var socket = await CallSocket.ConnectAsync(Process.Ports.Http, call.CallId, Agent.AccessToken, cancellationToken);
        await socket.NextAsync("state", Patience, cancellationToken);
        return (call.CallId, socket);
    }
}
