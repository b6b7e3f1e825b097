using System.Net;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// In this suite every access token is refreshed on use (see <see cref="SystemUnderTest"/>), and refresh
/// tokens rotate: concurrent calls of one session must share one refresh, or the session would break.
/// </summary>
public sealed class TokenRefreshTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentCalls_WhileTheAccessTokenIsDueForRefresh_AllSucceedAndTheSessionLivesOn()
    {
        using var browser = await system.SignedInBrowserAsync("Val Volume", Cancel);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => browser.Http.GetAsync("/api/identity/me", Cancel)));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var (afterwards, me) = await browser.GetJsonAsync("/api/identity/me", Cancel);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, afterwards);
        Assert.Equal(browser.AgentId.ToString(), me.GetProperty("agentId").GetString());
    }
}
