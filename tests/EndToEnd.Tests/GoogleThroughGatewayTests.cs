using System.Net;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>Google sign-in and the Calendar connection through the gateway, against the fake of Google.</summary>
[Collection(GoogleAccountsCollection.Name)]
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

    [Fact]
    public async Task GoogleRevokedByTheAgent_ServicesAreRefusedAndTheAppIsToldToReconnect_UntilReconnected()
    {
        var user = await system.Google.AddUserAsync("Jo Revoker");
        await system.Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject });
        using var browser = system.NewBrowser();
        await browser.SignInAsync(user.Name, user.Email, Cancel, withGoogle: true);
        var service = await IdentityHost.SignInAsync(new Uri(system.Gateway, "/auth/"), user.Name, user.Email, Cancel, withGoogle: true);
        // Tokens shorter-lived than the vault keeps them make Identity refresh, and so learn of the revocation, on the
        // next ask; short-lived until then, as Calendar's sync may ask (and refresh) in between.
        await system.Google.SetAccessTokenLifetimeAsync(TimeSpan.FromSeconds(60));
        await browser.ConnectGoogleCalendarAsync(user, Cancel);
        await system.Google.RevokeAccessAsync(user);

        var asAgent = await Assert.ThrowsAsync<RpcException>(() => GoogleTokensWithAgentTokenOnlyAsync(service));
        var refused = await Assert.ThrowsAsync<RpcException>(() => GoogleTokensAsync(service));
        var (_, prompt) = await browser.GetJsonAsync("/api/identity/google", Cancel);
        await system.Google.SetAccessTokenLifetimeAsync(TimeSpan.FromHours(1));
        await browser.ConnectGoogleCalendarAsync(user, Cancel);
        var restored = await GoogleTokensAsync(service);

        Assert.Equal(StatusCode.PermissionDenied, asAgent.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("GOOGLE_CONNECTION_STATUS_RECONNECT_REQUIRED", prompt.GetProperty("status").GetString());
        Assert.Contains(restored.AccessToken, await system.Google.TokensIssuedToAsync(user));
    }

    /// <summary>What Calendar.Service does for the agent: ask Identity for a Google access token with its own token, passing the agent's along.</summary>
    private async Task<GetGoogleAccessTokenResponse> GoogleTokensAsync(SignedInAgent agent)
    {
        using var channel = GrpcChannel.ForAddress(system.App.GetEndpoint("identity", "grpc"));
        return await ServiceTokens.GoogleAccessTokenForCallerAsync(channel, new Uri(system.Gateway, "/auth/"), agent, Cancel, secret: SystemUnderTest.CalendarServiceSecret);
    }

    /// <summary>What a leaked agent or CLI token could try: Identity's Google token method with nothing else.</summary>
    private async Task<GetGoogleAccessTokenResponse> GoogleTokensWithAgentTokenOnlyAsync(SignedInAgent agent)
    {
        using var channel = GrpcChannel.ForAddress(system.App.GetEndpoint("identity", "grpc"));
        return await new GoogleTokens.GoogleTokensClient(channel).GetGoogleAccessTokenAsync(
            new GetGoogleAccessTokenRequest { AgentAccessToken = agent.AccessToken }, agent.Bearer, cancellationToken: Cancel);
    }
}
