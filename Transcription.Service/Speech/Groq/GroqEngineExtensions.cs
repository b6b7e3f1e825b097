using System.ClientModel;
using System.ClientModel.Primitives;
using AgentCalls.ServiceDefaults;
using AgentCalls.ServiceDefaults.Http;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Audio;

namespace AgentCalls.Transcription.Service.Speech.Groq;

public static class GroqEngineExtensions
{
    private const string HttpClientName = "groq-transcription";

    /// <summary>
    /// Offers the Groq engine when <c>Transcription:Groq:ApiKey</c> is set: the OpenAI SDK's <see cref="AudioClient"/> on
    /// an HttpClient whose only resilience is this engine's (429 waits as Retry-After says, 5xx, timeouts, bounded retries).
    /// </summary>
    public static IServiceCollection AddGroqEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GroqOptions>().BindConfiguration(GroqOptions.Section).ValidateDataAnnotations()
            .Validate(o => NestedOptions.AreValid(o.Circuit), "Transcription:Groq:Circuit has a setting out of its range.")
            .ValidateOnStart();
        if (configuration.GetSection(GroqOptions.Section).Get<GroqOptions>() is not { IsConfigured: true })
        {
            return services;
        }

        services.AddProviderHttpClient(
            HttpClientName,
            provider =>
            {
                var options = provider.GetRequiredService<IOptions<GroqOptions>>().Value;
                return new ProviderRetries(options.MaxRetries, options.MaxRetryDelay, options.Timeout, options.Circuit);
            },
            (provider, retry) => provider.GetRequiredService<ILogger<GroqTranscriber>>().RetryingProvider(
                retry.Outcome.Result is { } response ? (int)response.StatusCode : null, retry.AttemptNumber + 1, retry.RetryDelay));

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GroqOptions>>().Value;
            return new AudioClient(options.Model, new ApiKeyCredential(options.ApiKey), new OpenAIClientOptions
            {
                Endpoint = options.BaseUrl,
                Transport = new HttpClientPipelineTransport(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)),
                // One retry policy, the HttpClient's, which honours Retry-After within its bounds.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = Timeout.InfiniteTimeSpan,
            });
        });
        services.AddSingleton<GroqTranscriber>();
        services.AddSingleton<ISpeechEngine, GroqEngine>();
        return services;
    }
}

internal static partial class GroqEngineLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The speech provider answered {Status}; retry {Retry} in {Delay}.")]
    public static partial void RetryingProvider(this ILogger logger, int? status, int retry, TimeSpan delay);
}
