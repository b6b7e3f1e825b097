using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;
using Grpc.Net.Client;
using TranscriptionClient = AgentCalls.Contracts.Transcription.V1.Transcription.TranscriptionClient;

namespace AgentCalls.Bench.Transcription;

/// <summary>
/// What the benchmark runs on: a throwaway Postgres and Redis (TestSupport's), the real Identity in this process (tokens
/// for a real agent), and Transcription.Service as its own Release process on loopback ports with the local engine as
/// deployed (domain model built from the insurance corpus and the stream's hints), no monthly limit. A second process,
/// with the domain model's weight at 0 (the general model alone), is the unbiased baseline. Everything stops and the
/// data is removed, whatever happens.
/// </summary>
public sealed class TranscriptionSystem : IAsyncDisposable
{
    private readonly DatabaseServers servers = new();
    private readonly List<ServiceProcess> services = [];
    private readonly List<GrpcChannel> channels = [];
    private IdentityServerInstance? identity;

    private TranscriptionSystem()
    {
    }

    /// <summary>The service as deployed.</summary>
    public ServiceProcess Service => services[0];

    public TranscriptionClient Biased { get; private set; } = null!;

    public static Task<TranscriptionSystem> StartAsync() => SystemStart.OrDisposeAsync(new TranscriptionSystem(), system => system.StartProcessesAsync());

    private async Task StartProcessesAsync()
    {
        await servers.InitializeAsync();
        identity = await BenchIdentity.StartAsync(servers);
        Biased = await StartServiceAsync("transcription", []);
    }

    /// <summary>The same service with the general language model alone (no biasing toward the call's vocabulary).</summary>
    public Task<TranscriptionClient> StartGeneralModelAsync() =>
        StartServiceAsync("transcription_general", [new("Transcription__PocketSphinx__DomainWeight", "0")]);

    /// <summary>
    /// Who streams, as in a call: Conversation.Service's own token (the only one Transcription admits for the stream), for
    /// a new agent signed in through Identity's development sign-in (OpenID Connect code flow with PKCE).
    /// </summary>
    public async Task<StreamCaller> CallerAsync(string name, CancellationToken cancellationToken)
    {
        var agent = await IdentityHost.SignInAsync(identity!.Issuer, name, cancellationToken: cancellationToken);
        return new StreamCaller(await ServiceTokens.ConversationServiceBearerAsync(identity.Issuer, cancellationToken), agent.AgentId);
    }

    private async Task<TranscriptionClient> StartServiceAsync(string database, KeyValuePair<string, string>[] settings)
    {
        var service = await ServiceProcess.StartAsync("Transcription.Service", [
            new("ConnectionStrings__transcriptiondb", await servers.CreateDatabaseAsync(database)),
            new("ConnectionStrings__redis", servers.RedisConnectionString),
            new("Auth__Issuer", identity!.Issuer.ToString()),
            new("Transcription__Vad__ModelPath", Path.Combine(RepositoryPaths.Root, ".models", "silero-vad", "silero_vad.onnx")),
            new("Transcription__MonthlyLimitSeconds", "0"),
            .. settings,
        ]);
        services.Add(service);
        var channel = GrpcChannel.ForAddress(service.Ports.Grpc);
        channels.Add(channel);
        return new TranscriptionClient(channel);
    }

    public async ValueTask DisposeAsync()
    {
        channels.ForEach(c => c.Dispose());
        foreach (var service in services)
        {
            await service.DisposeAsync();
        }

        if (identity is not null)
        {
            await identity.DisposeAsync();
        }

        await servers.DisposeAsync();
    }
}
