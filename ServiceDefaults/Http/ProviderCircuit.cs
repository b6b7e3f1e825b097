using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;

namespace AgentCalls.ServiceDefaults.Http;

/// <summary>
/// When an outside provider keeps failing, how long it is left alone. While the circuit is open no request is sent:
/// callers get at once what an overloaded provider answers, so nobody waits out retries that cannot succeed and the
/// provider is not hammered while it recovers. After the break one request goes through; if it succeeds, all do again.
/// </summary>
public sealed class ProviderCircuit
{
    /// <summary>The share of failed attempts (5xx, 408, 429, timeouts, network errors) within the sampling time that opens it.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts the sampling time must hold before the ratio counts: a few failures alone never open it.</summary>
    [Range(2, 100_000)]
    public int MinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.5", "1.00:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.5", "1.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}

public static class ProviderCircuitExtensions
{
    /// <summary>
    /// Outermost: an open circuit answers 503 with Retry-After (the rest of the break) and an error body in the shape
    /// Google's and OpenAI-compatible APIs use, so the caller's handling of a provider that is down applies unchanged,
    /// and no retry is spent on it.
    /// </summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddOpenCircuitAsUnavailable(this ResiliencePipelineBuilder<HttpResponseMessage> pipeline) =>
        pipeline.AddFallback(new FallbackStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is BrokenCircuitException),
            FallbackAction = args => Outcome.FromResultAsValueTask(Unavailable((BrokenCircuitException)args.Outcome.Exception!)),
        });

    /// <summary>Around each attempt, inside the retries: every attempt is one sample.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddProviderCircuitBreaker(this ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ProviderCircuit circuit) =>
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = circuit.FailureRatio,
            MinimumThroughput = circuit.MinimumThroughput,
            SamplingDuration = circuit.SamplingDuration,
            BreakDuration = circuit.BreakDuration,
        });

    private static HttpResponseMessage Unavailable(BrokenCircuitException open)
    {
        const string message = "The provider kept failing; AgentCalls stopped calling it for a while (circuit open).";
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = JsonContent.Create(new { error = new { code = 503, message, status = "UNAVAILABLE", type = "circuit_open" } }),
        };
        if (open.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(retryAfter.TotalSeconds)));
        }

        return response;
    }
}
