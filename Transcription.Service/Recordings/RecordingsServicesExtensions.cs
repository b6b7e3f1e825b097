namespace AgentCalls.Transcription.Service.Recordings;

public static class RecordingsServicesExtensions
{
    /// <summary>Recorded files: upload, the background worker that transcribes them, and their API.</summary>
    public static WebApplicationBuilder AddRecordings(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RecordingsOptions>().BindConfiguration(RecordingsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FfmpegAudio>();
        builder.Services.AddSingleton<RecordingSignal>();
        builder.Services.AddScoped<RecordingAudioStore>();
        builder.Services.AddScoped<RecordingUpload>();
        builder.Services.AddScoped<RecordingLibrary>();
        builder.Services.AddScoped<RecordingLeases>();
        builder.Services.AddScoped<RecordingTranscriber>();
        builder.Services.AddHostedService<RecordingWorker>();
        return builder;
    }

    public static WebApplication MapRecordings(this WebApplication app)
    {
        app.MapRecordingUpload();
        app.MapGrpcService<RecordingsGrpcService>().RequireAuthorization();
        return app;
    }
}
