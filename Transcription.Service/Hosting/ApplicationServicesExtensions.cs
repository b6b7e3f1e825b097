using AgentCalls.Transcription.Service.Agents;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.Eventing.Database;
using AgentCalls.Eventing;
using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.Transcription.Service.Api;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Settings;
using AgentCalls.Transcription.Service.Recordings;
using AgentCalls.Transcription.Service.Speech;
using AgentCalls.Transcription.Service.Speech.Groq;
using AgentCalls.Transcription.Service.Speech.PocketSphinx;
using AgentCalls.Transcription.Service.Streaming;
using AgentCalls.Transcription.Service.Usage;
using AgentCalls.Transcription.Service.Vad;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Hosting;

public static class ApplicationServicesExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<TranscriptionDbContext>("transcriptiondb", TranscriptionDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddEventing<TranscriptionDbContext>()
            .Subscribe<AgentDeleted, AgentDeletedHandler>();
        builder.AddAgentAuthentication();
        builder.Services.AddLiveStreamAuthorization();
        builder.AddGrpcApi();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<UsageReport>();
        builder.AddSpeech();
        builder.AddRecordings();
        return builder;
    }

    private static void AddSpeech(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TranscriptionOptions>().BindConfiguration(TranscriptionOptions.Section).ValidateDataAnnotations()
            .Validate<IEnumerable<ISpeechEngine>>(
                (o, engines) => engines.Any(e => string.Equals(e.Name, o.Engine, StringComparison.OrdinalIgnoreCase)),
                "Transcription:Engine must name an engine this deployment offers: pocketsphinx, or groq once Transcription:Groq:ApiKey is set.")
            .ValidateOnStart();
        builder.Services.AddOptions<PocketSphinxOptions>().BindConfiguration(PocketSphinxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<VadOptions>().BindConfiguration(VadOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VadOptions>, VadOptionsValidation>();
        builder.Services.AddSingleton<SileroVadModel>();
        builder.Services.AddSingleton<ActiveRecognizers>();
        builder.Services.AddSingleton<ISpeechEngine, PocketSphinxEngine>();
        builder.Services.AddGroqEngine(builder.Configuration);
        builder.Services.AddSingleton<SpeechEngines>();
        builder.Services.AddSingleton<LiveSessionSettings>();
        builder.Services.AddScoped<SpeechSettingsEditor>();
        builder.Services.AddScoped<UsageMeter>();
        builder.Services.AddScoped<LiveTranscription>();
        builder.Services.AddScoped<AbandonedStreams>();
        builder.Services.AddHostedService<AbandonedStreamSweeper>();
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseTranscodingFieldErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealth();
        app.MapGrpcService<TranscriptionGrpcService>().RequireAgentUnlessMethodNamesPolicy();
        app.MapRecordings();
        return app;
    }
}
