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

    [Fact]
    public async Task DocumentUploads_PastTheCostlyBucket_Are429_WhileTheSameAgentsCheapCallsGoThrough()
    {
        using var uploader = await system.SignedInBrowserAsync("Ulla Uploader", Cancel);

        // Fewer than the agent's general burst, more than the costly bucket holds (20): only the costly bucket can refuse.
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversation/documents?name=note-{i}.txt") { Content = new StringContent("") };
            request.Headers.Add("X-CSRF", "1");
            using var response = await uploader.Http.SendAsync(request, Cancel);
            return response.StatusCode;
        }));
        var (cheapStatus, _) = await uploader.GetJsonAsync("/api/clients", Cancel);

        Assert.Contains(HttpStatusCode.TooManyRequests, responses);
        Assert.Contains(HttpStatusCode.BadRequest, responses);
        Assert.Equal(HttpStatusCode.OK, cheapStatus);
    }

    [Fact]
    public async Task AnonymousRoute_PastOneAddresssLimit_Is429_AndOtherAddressesAreUnaffected()
    {
        // This test is a proxy on loopback (trusted by default) in front of two browsers: each address has its own bucket.
        using var http = new HttpClient { BaseAddress = system.Gateway };
        var greedy = $"203.0.113.{Random.Shared.Next(1, 250)}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => DiscoveryAsync(http, greedy)));
        using var other = await DiscoveryAsync(http, "198.51.100.7");

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests && r.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private Task<HttpResponseMessage> DiscoveryAsync(HttpClient http, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/auth/.well-known/openid-configuration") { Headers = { { "X-Forwarded-For", address } } };
        return http.SendAsync(request, Cancel);
    }
}
