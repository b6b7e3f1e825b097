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

    private static ServiceProvider Services(params (string Key, string Value)[] groq)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(groq.Select(s => KeyValuePair.Create($"{GroqOptions.Section}:{s.Key}", (string?)s.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddGroqEngine(configuration);
        return services.BuildServiceProvider();
    }
}
