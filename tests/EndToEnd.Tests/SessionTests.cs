using System.Net;
using System.Text.Json;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>Signing in and out through the gateway, the browser's backend.</summary>
public sealed class SessionTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_DevelopmentSignInThroughTheCodeFlow_StartsASessionForTheAgent()
    {
        using var browser = system.NewBrowser();

        await browser.SignInAsync("Ivy Insurer", "ivy@agents.test", Cancel);
        var (status, me) = await browser.GetJsonAsync("/api/identity/me", Cancel);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ivy Insurer", me.GetProperty("displayName").GetString());
        Assert.Equal(browser.AgentId.ToString(), me.GetProperty("agentId").GetString());
    }

    [Fact]
    public async Task SessionCookie_IsTheOnlyCookieAndIsHttpOnlyLaxAndHoldsNoTokens()
    {
        using var browser = await system.SignedInBrowserAsync("Jon Jumbo", Cancel);

        var gatewayCookies = browser.Cookies.Where(c => c.Path == "/" && !c.Expired).ToList();

        var session = Assert.Single(gatewayCookies);
        Assert.Equal("agentcalls.session", session.Name);
        Assert.True(session.HttpOnly);
        Assert.False(session.Secure, "over plain http the cookie cannot be Secure; over https it is (SameAsRequest)");
        // Only the session's key travels: tokens would need several kilobytes (and chunked cookies).
        Assert.True(session.Value.Length < 1000, $"cookie is {session.Value.Length} characters");
    }

    [Fact]
    public async Task Api_WithoutASession_Is401ProblemDetails()
    {
        using var browser = system.NewBrowser();

        using var response = await browser.Http.GetAsync("/api/clients", Cancel);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("https://attacker.example/today")]
    [InlineData("//attacker.example/today")]
    [InlineData("/\\attacker.example")]
    public async Task Login_WithAReturnUrlOffThisSite_IsRefused(string returnUrl)
    {
        using var browser = system.NewBrowser();

        using var response = await browser.Http.GetAsync("/bff/login?returnUrl=" + Uri.EscapeDataString(returnUrl), Cancel);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("returnUrl", out _));
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryHeader_IsRefusedAndKeepsTheSession()
    {
        using var browser = await system.SignedInBrowserAsync("Kim Keeper", Cancel);

        using var refused = await browser.Http.PostAsync("/bff/logout", null, Cancel);
        var (status, _) = await browser.GetJsonAsync("/api/identity/me", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task SignOut_WithTheAntiforgeryHeader_EndsTheSession()
    {
        using var browser = await system.SignedInBrowserAsync("Lou Leaver", Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bff/logout") { Headers = { { "X-CSRF", "1" } } };

        using var response = await browser.Http.SendAsync(request, Cancel);
        var (status, _) = await browser.GetJsonAsync("/api/identity/me", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
