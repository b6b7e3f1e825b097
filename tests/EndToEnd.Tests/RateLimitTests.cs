using System.Net;
using System.Text.Json;

namespace AgentCalls.EndToEnd.Tests;

public sealed class RateLimitTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Burst_PastTheAgentsLimit_Is429WithRetryAfter_AndOtherAgentsAreUnaffected()
    {
        using var greedy = await system.SignedInBrowserAsync("Quinn Quick", Cancel);
        using var patient = await system.SignedInBrowserAsync("Rae Relaxed", Cancel);

        var responses = await Task.WhenAll(Enumerable.Range(0, SystemUnderTest.RateLimitBurst * 2)
            .Select(_ => greedy.Http.GetAsync("/api/transcription/usage", Cancel)));
        var limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited);
        var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync(Cancel)).RootElement;
        var (otherStatus, _) = await patient.GetJsonAsync("/api/transcription/usage", Cancel);

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, otherStatus);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
