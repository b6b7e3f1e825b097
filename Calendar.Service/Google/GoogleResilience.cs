using System.Net;
using AgentCalls.Calendar.Service.Hosting;
using AgentCalls.ServiceDefaults.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AgentCalls.Calendar.Service.Google;

/// <summary>
/// The Google client's resilience, in place of the standard handler: retries transient failures (5xx, network,
/// timeouts) and Google's rate limits (429, 403 rateLimitExceeded) with jittered exponential backoff, honouring a
/// Retry-After up to <see cref="CalendarOptions.MaxInlineRetryAfter"/>; a longer wait is not waited out in the
/// request but surfaces, so the sync can be postponed to then without holding a worker. A circuit breaker around the
/// attempts leaves Google alone for a while when it keeps failing (<see cref="CalendarOptions.GoogleCircuit"/>).
/// </summary>
public static class GoogleResilience
{
    public const string PipelineName = "google-calendar";

    public static IHttpClientBuilder AddGoogleResilience(this IHttpClientBuilder http)
    {
#pragma warning disable EXTEXP0001 // The standard handler's 30 s total timeout and blanket 429 retries do not fit Google's Retry-After; replace it.
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        http.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<CalendarOptions>>().Value;
            pipeline.AddOpenCircuitAsUnavailable();
            pipeline.AddTimeout(TimeSpan.FromMinutes(2));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = options.MaxInlineRetryAfter,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, options.MaxInlineRetryAfter, args.Context.CancellationToken),
            });
            pipeline.AddProviderCircuitBreaker(options.GoogleCircuit);
            pipeline.AddTimeout(TimeSpan.FromSeconds(30));
        });
        return http;
    }

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, TimeSpan maxInlineWait, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return HttpClientResiliencePredicates.IsTransient(outcome);
        }

        var response = outcome.Result!;
        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return true;
        }

        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.Forbidden))
        {
            return false;
        }

        var (reason, _) = await GoogleErrorBody.ReadAsync(response, cancellationToken);
        return GoogleApiException.IsRateLimit(response.StatusCode, reason) && (GoogleErrorBody.RetryAfter(response) ?? TimeSpan.Zero) <= maxInlineWait;
    }
}
