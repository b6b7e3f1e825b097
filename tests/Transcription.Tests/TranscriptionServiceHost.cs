using System.Globalization;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Usage;
using Google.Protobuf.WellKnownTypes;
using AgentCalls.Transcription.Service.Speech;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TranscriptionClient = AgentCalls.Contracts.Transcription.V1.Transcription.TranscriptionClient;

namespace AgentCalls.Transcription.Tests;

/// <summary>Transcription.Service on its own database, with the real Identity, for this test assembly.</summary>
public sealed class TranscriptionServiceHost() : ServiceHost<TranscriptionDbContext>("transcriptiondb")
{
    /// <summary>A fixed month the tests meter their usage in (each test has its own agent).</summary>
    public static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public TranscriptionClient Transcription => new(Channel);

    /// <summary>Silero VAD as scripts/install-prerequisites.sh places it.</summary>
    public static string VadModelPath => Path.Combine(RepositoryPaths.Root, ".models", "silero-vad", "silero_vad.onnx");

    /// <summary>The recordings' upload limit in these tests: small, so an oversized file is cheap to send.</summary>
    public const long MaxRecordingBytes = 4 * 1024 * 1024;

    /// <summary>The API key the Groq engine sends the fake.</summary>
    public const string GroqApiKey = "test-groq-key";

    /// <summary>
    /// The provider's file limit here, and the engine's: small, so a few seconds of speech must be split to get through
    /// (the fake answers 413 to anything larger).
    /// </summary>
    public const long GroqMaxUploadBytes = 64 * 1024;

    /// <summary>The OpenAI-compatible transcription API the Groq engine is pointed at.</summary>
    public FakeTranscriptionApi Groq { get; private set; } = null!;

    protected override async Task BeforeServiceStartsAsync() => Groq = await FakeTranscriptionApi.StartAsync(GroqMaxUploadBytes);

    protected override void ConfigureService(IWebHostBuilder host)
    {
        host.UseSetting("Transcription:Vad:ModelPath", VadModelPath);
        // The domain model alone: the tests of the pipeline (streams, jobs, channels, formats) speak espeak-ng lines,
        // whose vocabulary words only a closed vocabulary hears; under the deployed mixture the agent's line came back
        // "ha ya got a raw leia are you with you do you". PocketSphinxEngineTests check the deployed mixture itself.
        host.UseSetting("Transcription:PocketSphinx:DomainWeight", "1");
        host.UseSetting("Transcription:Groq:BaseUrl", Groq.BaseUrl.ToString());
        host.UseSetting("Transcription:Groq:ApiKey", GroqApiKey);
        host.UseSetting("Transcription:Groq:MaxUploadBytes", GroqMaxUploadBytes.ToString(CultureInfo.InvariantCulture));
        // One test's scripted Groq faults must not open the circuit for the tests that share this host after it.
        host.UseSetting("Transcription:Groq:Circuit:MinimumThroughput", "100000");
        // Live streams write their metered seconds every second of audio, so a test sees them while a stream is open.
        host.UseSetting("Transcription:MeteringInterval", "00:00:01");
        host.UseSetting("Transcription:Recordings:MaxBytes", MaxRecordingBytes.ToString(CultureInfo.InvariantCulture));
        host.ConfigureServices(services => services.AddSingleton<SpeechGate>().AddSingleton<ISpeechEngine, GatedSpeechEngine>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Groq is not null)
        {
            await Groq.DisposeAsync();
        }
    }

    /// <summary>Adds a completed job of the agent on <paramref name="provider"/>, metered as the given usage records.</summary>
    public async Task<TranscriptionJob> AddJobAsync(Guid agentId, string provider, params (double Seconds, DateTimeOffset At)[] usage)
    {
        var job = new TranscriptionJob { AgentId = agentId, Provider = provider, Status = TranscriptionJobStatus.Completed, AudioSeconds = usage.Sum(u => u.Seconds) };
        var records = usage.Select(u => new UsageRecord { AgentId = agentId, JobId = job.Id, Provider = provider, AudioSeconds = u.Seconds, RecordedAt = u.At });
        await Services.AddRowsAsync<TranscriptionDbContext>([job, .. records], TestContext.Current.CancellationToken);
        return job;
    }

    public Task<GetUsageResponse> GetUsageAsync(SignedInAgent agent, DateTimeOffset start, DateTimeOffset end) =>
        GetUsageAsync(agent, new GetUsageRequest { StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(end) });

    public async Task<GetUsageResponse> GetUsageAsync(SignedInAgent agent, GetUsageRequest request) =>
        await Transcription.GetUsageAsync(request, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
}
