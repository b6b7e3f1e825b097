using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Speech;
using AgentCalls.Transcription.Service.Speech.Groq;
using AgentCalls.Transcription.Service.Speech.PocketSphinx;
using AgentCalls.Transcription.Service.Streaming;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Tests;

/// <summary>The engine's registration and its transcriber on their own, outside the service, against the host's fake.</summary>
public sealed class GroqTranscriberTests(TranscriptionServiceHost host)
{
    [Fact]
    public async Task TranscribeAsync_ConfiguredLimitAboveTheProviders_IsFailedPreconditionNamingTheSetting()
    {
        await using var services = Services(("ApiKey", "key"), ("BaseUrl", host.Groq.BaseUrl.ToString()), ("MaxUploadBytes", (4 * TranscriptionServiceHost.GroqMaxUploadBytes).ToString()));
        var transcriber = services.GetRequiredService<GroqTranscriber>();
        var marker = $"marker-{Guid.NewGuid():N}";

        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            () => transcriber.TranscribeAsync(SpokenAudio.Silence(3), marker, TestContext.Current.CancellationToken));

        Assert.Contains("Transcription:Groq:MaxUploadBytes", error.Status.Detail);
        Assert.Contains("Request Entity Too Large", error.Status.Detail);
        Assert.Empty(host.Groq.RequestsWithPrompt(marker));
    }

    [Fact]
    public async Task TranscribeAsync_ProviderAnswers429WithRetryAfter_WaitsWhatRetryAfterSaysBeforeSendingAgain()
    {
        var retries = new RetryLog();
        await using var services = Services(retries, ("ApiKey", "key"), ("BaseUrl", host.Groq.BaseUrl.ToString()));
        var marker = $"marker-{Guid.NewGuid():N}";
        host.Groq.Reply(marker, FakeTranscriptionReply.Error(429, TimeSpan.FromSeconds(2)), FakeTranscriptionReply.Text("waited"));

        var text = await services.GetRequiredService<GroqTranscriber>().TranscribeAsync(SpokenAudio.Silence(1), marker, TestContext.Current.CancellationToken);

        Assert.Equal("waited", text.Text);
        Assert.Equal(2, host.Groq.RequestsWithPrompt(marker).Count);
        // The jittered backoff would wait a fraction of a second more or less than its 1 s; Retry-After says exactly 2 s.
        Assert.Equal(["The speech provider answered 429; retry 1 in 00:00:02."], retries.Messages);
    }

    [Fact]
    public async Task TranscribeAsync_ProviderDown_OpensTheCircuit_SoCallsFailAtOnceWithoutReachingIt_UntilItRecovers()
    {
        await using var services = Services(("ApiKey", "key"), ("BaseUrl", host.Groq.BaseUrl.ToString()), ("MaxRetries", "1"),
            ("Circuit:MinimumThroughput", "4"), ("Circuit:BreakDuration", "00:00:01"));
        var transcriber = services.GetRequiredService<GroqTranscriber>();
        var marker = $"marker-{Guid.NewGuid():N}";
        // Two calls of two attempts open it; the two spare 503s meet the requests let through after a break, if any.
        host.Groq.Reply(marker, [.. Enumerable.Repeat(FakeTranscriptionReply.Error(503), 6)]);

        // Each call's attempts are samples; once enough have failed, calls stop reaching the provider.
        RpcException? answeredWithoutAsking = null;
        for (var call = 0; call < 10 && answeredWithoutAsking is null; call++)
        {
            var sentBefore = host.Groq.RequestsWithPrompt(marker).Count;
            var failure = await RpcAssert.FailsAsync(StatusCode.Unavailable,
                () => transcriber.TranscribeAsync(SpokenAudio.Silence(1), marker, TestContext.Current.CancellationToken));
            if (host.Groq.RequestsWithPrompt(marker).Count == sentBefore)
            {
                answeredWithoutAsking = failure;
            }
        }

        var sentWhileFailing = host.Groq.RequestsWithPrompt(marker).Count;
        host.Groq.Reply(marker, FakeTranscriptionReply.Text("back again"));
        var back = await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return (await transcriber.TranscribeAsync(SpokenAudio.Silence(1), marker, TestContext.Current.CancellationToken)).Text;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(30));

        Assert.NotNull(answeredWithoutAsking);
        Assert.Contains("circuit open", answeredWithoutAsking.Status.Detail);
        Assert.InRange(sentWhileFailing, 4, 4 + 1);
        Assert.Equal("back again", back);
    }

    [Fact]
    public async Task AddGroqEngine_NoApiKey_OffersNoGroqEngine()
    {
        await using var services = Services(("BaseUrl", host.Groq.BaseUrl.ToString()));

        Assert.Empty(services.GetServices<ISpeechEngine>());
    }

    [Fact]
    public async Task Resolve_StreamAsksForGroqWhereItIsNotConfigured_IsInvalidArgumentSayingSo()
    {
        await using var services = Services();
        var pocketSphinx = new PocketSphinxEngine(Options.Create(new PocketSphinxOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<PocketSphinxEngine>.Instance);
        var engines = new SpeechEngines([pocketSphinx, .. services.GetServices<ISpeechEngine>()], Options.Create(new TranscriptionOptions()));
        var first = new StreamTranscriptionRequest { Settings = new StreamSettings { Engine = "groq", Channels = { ProtoChannel.Agent } } };

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Task.FromResult(new LiveSessionSettings(engines).Resolve(first, agentChoice: null)));

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal("settings.engine", violation.Field);
        Assert.Equal("'groq' is not configured on this deployment; it offers: pocketsphinx.", violation.Description);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] groq) => Services(new RetryLog(), groq);

    /// <summary>The engine's registrations alone, its retries written to <paramref name="retries"/>.</summary>
    private static ServiceProvider Services(RetryLog retries, params (string Key, string Value)[] groq)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(groq.Select(s => KeyValuePair.Create($"{GroqOptions.Section}:{s.Key}", (string?)s.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(retries)).AddSingleton<IConfiguration>(configuration);
        services.AddGroqEngine(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>What the transcriber logs about its retries.</summary>
    private sealed class RetryLog : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> messages = new();

        public string[] Messages => [.. messages];

        public ILogger CreateLogger(string categoryName) => categoryName == typeof(GroqTranscriber).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
