using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace AgentCalls.ServiceDefaults.Http;

/// <summary>How hard a call to an outside provider (an LLM, a speech API) is tried, and when it is left alone.</summary>
public sealed record ProviderRetries(int MaxRetries, TimeSpan MaxRetryDelay, TimeSpan Timeout, ProviderCircuit Circuit);

public static class ProviderHttpClient
{
    /// <summary>
    /// A named HttpClient for a paid provider's API whose only resilience is this: bounded retries with exponential
    /// backoff that wait as a 429's Retry-After says (within <see cref="ProviderRetries.MaxRetryDelay"/>), a circuit
    /// breaker around the attempts (<see cref="ProviderCircuit"/>), and a timeout per attempt. The standard handler is removed, since its own retries and 10 s timeout would stack on these; the
    /// provider's SDK must switch its own retries off as well.
    /// </summary>
    public static IHttpResiliencePipelineBuilder AddProviderHttpClient(
        this IServiceCollection services, string name, Func<IServiceProvider, ProviderRetries> retries, Action<IServiceProvider, OnRetryArguments<HttpResponseMessage>>? onRetry = null)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is the documented way to replace the standard handler.
        return services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler(name, (pipeline, context) =>
            {
                var settings = retries(context.ServiceProvider);
                pipeline
                    .AddOpenCircuitAsUnavailable()
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.MaxRetries,
                        ShouldRetryAfterHeader = true,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromSeconds(1),
                        MaxDelay = settings.MaxRetryDelay,
                        OnRetry = retry =>
                        {
                            onRetry?.Invoke(context.ServiceProvider, retry);
                            return default;
                        },
                    })
                    .AddProviderCircuitBreaker(settings.Circuit)
                    .AddTimeout(settings.Timeout);
            });
#pragma warning restore EXTEXP0001
    }
}
