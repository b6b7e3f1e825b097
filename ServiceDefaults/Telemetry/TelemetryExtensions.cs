using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AgentCalls.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters of AgentCalls' own code (outbox relay, consumers, …).</summary>
    public const string AgentCallsPrefix = "AgentCalls.";

    // Microsoft.Extensions.AI's OpenTelemetryChatClient publishes under this name until it leaves preview.
    private const string ExtensionsAiSource = "Experimental.Microsoft.Extensions.AI";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Polly logs every execution attempt at Information; retries and failures are Warning and above.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Redis and EF Core instrumentation come with the Aspire client integrations
        // (AddRedisClient, AddNpgsqlDbContext), which know the connections they create.
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", ExtensionsAiSource, AgentCallsPrefix + "*"))
            .WithTracing(tracing => tracing
                .AddProcessor<QuietPollingProcessor>()
                .AddProcessor<SecretPathProcessor>()
                .AddSource(builder.Environment.ApplicationName, ExtensionsAiSource, AgentCallsPrefix + "*")
                .AddAspNetCoreInstrumentation(options => options.Filter = IsNotHealthProbe)
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                // Npgsql traces through its own ActivitySource (what Npgsql.OpenTelemetry's AddNpgsql adds).
                .AddSource("Npgsql"));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    // Probes run every few seconds and would drown the traces that matter.
    private static bool IsNotHealthProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/alive");
}
