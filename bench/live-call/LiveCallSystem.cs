using AgentCalls.Bench.Support;
using AgentCalls.Conversation.Tests;
using AgentCalls.TestSupport;
using Grpc.Net.Client;

namespace AgentCalls.Bench.LiveCall;

/// <summary>
/// What the benchmark runs on: a throwaway Postgres and Redis (TestSupport's), the real Identity in this process, and
/// Clients, Calendar (local calendar, no Google) and Transcription (PocketSphinx as deployed) as Release processes of
/// their own on loopback ports. In this process too: the fake of Transcription's contract that answers text "audio"
/// with finals at once (so the assistant is timed from a final, not from speech recognition) and the fake
/// OpenAI-compatible API. Conversation.Service processes are started per phase (<see cref="StartConversationAsync"/>).
/// Everything stops and the data is removed, whatever happens.
/// </summary>
public sealed class LiveCallSystem : IAsyncDisposable
{
    private readonly DatabaseServers servers = new();
    private readonly List<ServiceProcess> services = [];
    private readonly List<GrpcChannel> channels = [];
    private IdentityServerInstance? identity;

    private LiveCallSystem()
    {
    }

    public ServiceProcess Clients { get; private set; } = null!;

    public ServiceProcess Calendar { get; private set; } = null!;

    public ServiceProcess Transcription { get; private set; } = null!;

    public FakeTranscription TextTranscription { get; private set; } = null!;

    public FakeOpenAi OpenAi { get; private set; } = null!;

    public static Task<LiveCallSystem> StartAsync() => SystemStart.OrDisposeAsync(new LiveCallSystem(), system => system.StartProcessesAsync());

    private async Task StartProcessesAsync()
    {
        await servers.InitializeAsync();
        identity = await BenchIdentity.StartAsync(servers);
        TextTranscription = await FakeTranscription.StartAsync();
        OpenAi = await FakeOpenAi.StartAsync();
        Clients = await StartAsync("Clients.Service", [
            new("ConnectionStrings__clientsdb", await servers.CreateDatabaseAsync("clients")),
            new("ConnectionStrings__redis", servers.RedisConnectionString),
            new("Auth__Issuer", identity.Issuer.ToString()),
        ]);
        Calendar = await StartAsync("Calendar.Service", [
            new("ConnectionStrings__calendardb", await servers.CreateDatabaseAsync("calendar")),
            new("ConnectionStrings__redis", servers.RedisConnectionString),
            new("Auth__Issuer", identity.Issuer.ToString()),
            new("services__identity__grpc__0", identity.GrpcAddress.ToString()),
            new("services__clients__grpc__0", Clients.Ports.Grpc.ToString()),
            new("Calendar__ServiceClientSecret", ""),
        ]);
        Transcription = await StartAsync("Transcription.Service", [
            new("ConnectionStrings__transcriptiondb", await servers.CreateDatabaseAsync("transcription")),
            new("ConnectionStrings__redis", servers.RedisConnectionString),
            new("Auth__Issuer", identity.Issuer.ToString()),
            new("Transcription__Vad__ModelPath", Path.Combine(RepositoryPaths.Root, ".models", "silero-vad", "silero_vad.onnx")),
            new("Transcription__MonthlyLimitSeconds", "0"),
        ]);
    }

    /// <summary>
    /// A Conversation.Service process on a database of its own, taking its transcription from <paramref name="transcription"/>
    /// (the text fake, or the real service), with <paramref name="settings"/> (the LLM roles) on top; no limit on model calls
    /// that the benchmark would reach.
    /// </summary>
    public async Task<ServiceProcess> StartConversationAsync(string name, Uri transcription, IEnumerable<KeyValuePair<string, string>> settings) =>
        await StartAsync("Conversation.Service", [
            new("ConnectionStrings__conversationdb", await servers.CreateDatabaseAsync(name)),
            new("ConnectionStrings__redis", servers.RedisConnectionString),
            new("Auth__Issuer", identity!.Issuer.ToString()),
            new("services__clients__grpc__0", Clients.Ports.Grpc.ToString()),
            new("services__calendar__grpc__0", Calendar.Ports.Grpc.ToString()),
            new("services__transcription__grpc__0", transcription.ToString()),
            new("Calls__ServiceClientSecret", IdentityServerInstance.ConversationServiceSecret),
            new("Eventing__ServiceName", name),
            new("Llm__CallsPerAgentPerMinute", "10000"),
            .. settings,
        ]);

    /// <summary>gRPC to one of the processes.</summary>
    public GrpcChannel ChannelTo(ServiceProcess process)
    {
        var channel = GrpcChannel.ForAddress(process.Ports.Grpc);
        channels.Add(channel);
        return channel;
    }

    /// <summary>A new agent signed in through Identity's development sign-in (OpenID Connect code flow with PKCE).</summary>
    public Task<SignedInAgent> SignInAsync(string name, CancellationToken cancellationToken) =>
        IdentityHost.SignInAsync(identity!.Issuer, name, cancellationToken: cancellationToken);

    private async Task<ServiceProcess> StartAsync(string project, KeyValuePair<string, string>[] settings)
    {
        var service = await ServiceProcess.StartAsync(project, settings);
        services.Add(service);
        return service;
    }

    /// <summary>Stops a process before the others (a phase is over), so idle processes do not sit beside the next phase.</summary>
    public async Task StopAsync(ServiceProcess process)
    {
        services.Remove(process);
        await process.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        channels.ForEach(c => c.Dispose());
        foreach (var service in Enumerable.Reverse(services))
        {
            await service.DisposeAsync();
        }

        if (OpenAi is not null)
        {
            await OpenAi.DisposeAsync();
        }

        if (TextTranscription is not null)
        {
            await TextTranscription.DisposeAsync();
        }

        if (identity is not null)
        {
            await identity.DisposeAsync();
        }

        await servers.DisposeAsync();
    }
}
