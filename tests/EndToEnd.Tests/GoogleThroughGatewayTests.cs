using System.Net;
using AgentCalls.FakeGoogle;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>Google sign-in and the Calendar connection through the gateway, against the fake of Google.</summary>
public sealed class GoogleThroughGatewayTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GoogleSignIn_ThenConnectCalendar_ShowsTheConnectionInSettings()
    {
        var user = await system.Google.AddUserAsync("Hana Google");
        await system.Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject });
        using var browser = system.NewBrowser();

        await browser.SignInAsync(user.Name, user.Email, Cancel, withGoogle: true);
        var (_, me) = await browser.GetJsonAsync("/api/identity/me", Cancel);
        var (started, link) = await browser.PostJsonAsync("/api/identity/google:connect", new { returnPath = "/settings" }, Cancel);
        var arrived = await browser.FollowAsync(new Uri(system.Gateway, link.GetProperty("authorizationUrl").GetString()), "/settings", user.Name, user.Email, Cancel);
        var (_, connection) = await browser.GetJsonAsync("/api/identity/google", Cancel);

        Assert.Equal("Hana Google", me.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.OK, started);
        Assert.Contains("google=connected", arrived.Query);
        Assert.Equal("GOOGLE_CONNECTION_STATUS_CONNECTED", connection.GetProperty("status").GetString());
        Assert.Equal(user.Email, connection.GetProperty("googleEmail").GetString());
    }

    [Fact]
    public async Task GoogleSignIn_CancelledAtGoogle_BringsTheBrowserBackWithAccessDenied()
    {
        var user = await system.Google.AddUserAsync("Ian Undecided");
        await system.Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject, Deny = true });
        using var browser = system.NewBrowser();

        var arrived = await browser.FollowAsync(new Uri(system.Gateway, "/bff/login?returnUrl=%2Ftoday"), "/", user.Name, user.Email, Cancel, withGoogle: true);
        var (status, _) = await browser.GetJsonAsync("/api/identity/me", Cancel);

        Assert.Contains("signInError=access_denied", arrived.Query);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
