using AgentCalls.Contracts.Identity.V1;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Google.Rpc;
using Grpc.Core;
using Npgsql;

namespace AgentCalls.Identity.Tests.Google;

/// <summary>Connecting Google Calendar (incremental consent), the token vault, refresh, revocation and disconnection.</summary>
public sealed class GoogleConnectionTests(GoogleIdentity google) : IClassFixture<GoogleIdentity>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private GoogleAccount.GoogleAccountClient Accounts => new(google.Channel);

    private GoogleTokens.GoogleTokensClient Tokens => new(google.Channel);

    [Fact]
    public async Task Connect_KeepsTheTokensOnlyEncrypted_AndHandsOutAnAccessTokenGoogleAccepts()
    {
        var (user, agent) = await SignedInAsync("Bea Booker");

        var arrived = await ConnectAsync(agent, user);
        var connection = await Accounts.GetGoogleConnectionAsync(new(), agent.Bearer, cancellationToken: Cancel);
        var token = await google.GoogleAccessTokenAsync(agent, Cancel);
        var row = await RawRowAsync(agent.AgentId);

        Assert.Equal("/settings", arrived.AbsolutePath);
        Assert.Contains("google=connected", arrived.Query);
        Assert.Equal(GoogleConnectionStatus.Connected, connection.Status);
        Assert.Contains("https://www.googleapis.com/auth/calendar.events", connection.Scopes);
        Assert.Equal(user.Email, connection.GoogleEmail);
        Assert.Contains(token.AccessToken, await google.Google.TokensIssuedToAsync(user));
        Assert.All(await google.Google.TokensIssuedToAsync(user), issued => Assert.DoesNotContain(issued, row));
    }

    [Fact]
    public async Task GetAccessToken_NearExpiryWithConcurrentCallers_RefreshesWithGoogleOnce()
    {
        var (user, agent) = await SignedInAsync("Cal Concurrent");
        await ConnectWithShortLivedTokensAsync(agent, user);
        var refreshesBefore = await google.Google.RequestCountAsync("token:refresh_token");

        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            google.GoogleAccessTokenAsync(agent, Cancel)));

        Assert.Equal(refreshesBefore + 1, await google.Google.RequestCountAsync("token:refresh_token"));
        Assert.Single(tokens.Select(t => t.AccessToken).Distinct());
        Assert.True(tokens[0].ExpiresAt.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Fact]
    public async Task GetAccessToken_AfterTheAgentRemovedAccessAtGoogle_AsksToReconnect_AndReconnectingRestoresIt()
    {
        var (user, agent) = await SignedInAsync("Dee Disappointed");
        await ConnectWithShortLivedTokensAsync(agent, user);
        await google.Google.RevokeAccessAsync(user);

        var refused = await Assert.ThrowsAsync<RpcException>(() => google.GoogleAccessTokenAsync(agent, Cancel));
        var needsReconnect = await Accounts.GetGoogleConnectionAsync(new(), agent.Bearer, cancellationToken: Cancel);
        await ConnectAsync(agent, user);
        var restored = await google.GoogleAccessTokenAsync(agent, Cancel);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("GOOGLE_RECONNECT_REQUIRED", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Equal(GoogleConnectionStatus.ReconnectRequired, needsReconnect.Status);
        Assert.Contains("invalid_grant", needsReconnect.Reason);
        Assert.Contains(restored.AccessToken, await google.Google.TokensIssuedToAsync(user));
    }

    [Fact]
    public async Task GetAccessToken_WithATokenGoogleRefusedBeforeItsTime_IsNotHandedItAgain_AndLearnsOfTheRevokedGrant()
    {
        var (user, agent) = await SignedInAsync("Rhea Refused");
        await ConnectAsync(agent, user);
        var held = await google.GoogleAccessTokenAsync(agent, Cancel);
        await google.Google.RevokeAccessAsync(user);

        var stillHeld = await google.GoogleAccessTokenAsync(agent, Cancel);
        var refused = await Assert.ThrowsAsync<RpcException>(() => google.GoogleAccessTokenAsync(agent, Cancel, held.AccessToken));
        var needsReconnect = await Accounts.GetGoogleConnectionAsync(new(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(held.AccessToken, stillHeld.AccessToken);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("GOOGLE_RECONNECT_REQUIRED", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Equal(GoogleConnectionStatus.ReconnectRequired, needsReconnect.Status);
    }

    [Fact]
    public async Task GetAccessToken_WithARefusedToken_WhileTheGrantStands_RefreshesOnce_AndLaterCallersShareTheNewToken()
    {
        var (user, agent) = await SignedInAsync("Rory Refreshed");
        await ConnectAsync(agent, user);
        var held = await google.GoogleAccessTokenAsync(agent, Cancel);
        var refreshesBefore = await google.Google.RequestCountAsync("token:refresh_token");

        var renewed = await Tokens.GetGoogleAccessTokenForAgentAsync(
            new() { AgentId = agent.AgentId.ToString(), RejectedAccessToken = held.AccessToken }, await ServiceTokens.CalendarServiceBearerAsync(google.Identity.Issuer, Cancel), cancellationToken: Cancel);
        var renewedAgain = await google.GoogleAccessTokenAsync(agent, Cancel, held.AccessToken);

        Assert.NotEqual(held.AccessToken, renewed.AccessToken);
        Assert.Contains(renewed.AccessToken, await google.Google.TokensIssuedToAsync(user));
        Assert.Equal(renewed.AccessToken, renewedAgain.AccessToken);
        Assert.Equal(refreshesBefore + 1, await google.Google.RequestCountAsync("token:refresh_token"));
    }

    [Fact]
    public async Task GetAccessToken_WhileGooglesTokenEndpointFails_IsARetryableUnavailable_NeverReconnect_AndRefreshesOnceItRecovers()
    {
        var (user, agent) = await SignedInAsync("Tess Transient");
        await ConnectWithShortLivedTokensAsync(agent, user);
        var refreshesBefore = await google.Google.RequestCountAsync("token:refresh_token");

        RpcException refused;
        await google.Google.FailTokenRequestsAsync(1000);
        try
        {
            refused = await Assert.ThrowsAsync<RpcException>(() => google.GoogleAccessTokenAsync(agent, Cancel));
        }
        finally
        {
            await google.Google.FailTokenRequestsAsync(0);
        }

        var meanwhile = await Accounts.GetGoogleConnectionAsync(new(), agent.Bearer, cancellationToken: Cancel);
        var attempts = await google.Google.RequestCountAsync("token:refresh_token") - refreshesBefore;
        var recovered = await google.GoogleAccessTokenAsync(agent, Cancel);

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.NotNull(refused.GetRpcStatus()?.GetDetail<RetryInfo>());
        Assert.Equal(GoogleConnectionStatus.Connected, meanwhile.Status);
        Assert.InRange(attempts, 1, 4);
        Assert.Contains(recovered.AccessToken, await google.Google.TokensIssuedToAsync(user));
    }

    [Fact]
    public async Task Disconnect_RevokesTheGrantAtGoogle_AndForgetsTheTokens()
    {
        var (user, agent) = await SignedInAsync("Eli Exit");
        await ConnectAsync(agent, user);
        var revocationsBefore = await google.Google.RequestCountAsync("revoke");

        var after = await Accounts.DisconnectGoogleAsync(new(), agent.Bearer, cancellationToken: Cancel);
        var refused = await Assert.ThrowsAsync<RpcException>(() => google.GoogleAccessTokenAsync(agent, Cancel));

        Assert.Equal(revocationsBefore + 1, await google.Google.RequestCountAsync("revoke"));
        Assert.Equal(GoogleConnectionStatus.NotConnected, after.Status);
        Assert.Equal("GOOGLE_NOT_CONNECTED", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Equal("", await RawRowAsync(agent.AgentId));
    }

    [Fact]
    public async Task ConnectLink_UsedASecondTime_IsRefused()
    {
        var (user, agent) = await SignedInAsync("Fay Twice");
        var link = await Accounts.StartGoogleConnectionAsync(new() { ReturnPath = "/settings" }, agent.Bearer, cancellationToken: Cancel);
        using var browser = NewBrowser();
        await DevelopmentSignIn.FollowAsync(browser, Absolute(link.AuthorizationUrl), url => url.AbsolutePath == "/settings", user.Name, user.Email, Cancel);

        using var second = await browser.GetAsync(Absolute(link.AuthorizationUrl), Cancel);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Theory]
    [InlineData("https://attacker.example/settings")]
    [InlineData("//attacker.example/settings")]
    public async Task StartConnection_WithAReturnPathOffThisSite_IsInvalidArgument(string returnPath)
    {
        var (_, agent) = await SignedInAsync("Gil Guard");

        var fields = await RpcAssert.InvalidArgumentAsync(() =>
            Accounts.StartGoogleConnectionAsync(new() { ReturnPath = returnPath }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(["returnPath"], fields);
    }

    [Fact]
    public async Task Connect_WithAnotherGoogleAccount_IsRefused_AndThatGrantIsRevokedAtGoogle()
    {
        var (_, agent) = await SignedInAsync("Wanda Wrong");
        var other = await google.Google.AddUserAsync("Otto Other");
        var revocationsBefore = await google.Google.RequestCountAsync("revoke");
        await google.Google.NextAuthorizationAsync(new NextAuthorization { Subject = other.Subject, OverrideLoginHint = true });

        var arrived = await ConnectAsync(agent, other);
        var connection = await Accounts.GetGoogleConnectionAsync(new(), agent.Bearer, cancellationToken: Cancel);

        Assert.Contains("reason=GOOGLE_ACCOUNT_MISMATCH", arrived.Query);
        Assert.Equal(GoogleConnectionStatus.NotConnected, connection.Status);
        Assert.Equal(revocationsBefore + 1, await google.Google.RequestCountAsync("revoke"));
    }

    private async Task<(FakeUser User, SignedInAgent Agent)> SignedInAsync(string name)
    {
        var user = await google.Google.AddUserAsync(name);
        return (user, await google.SignInAsync(user, Cancel));
    }

    private Task<Uri> ConnectAsync(SignedInAgent agent, FakeUser user) => google.ConnectCalendarAsync(agent, user, Cancel);

    private Uri Absolute(string relative) => new(google.Identity.Issuer, relative);

    private static HttpClient NewBrowser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });

    /// <summary>The vault row exactly as stored, every column as text (empty when there is none).</summary>
    private async Task<string> RawRowAsync(Guid agentId)
    {
        await using var connection = new NpgsqlConnection(google.DatabaseConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT row_to_json(c)::text FROM google_connections c WHERE agent_id = @agent", connection) { Parameters = { new("agent", agentId) } };
        return await command.ExecuteScalarAsync(Cancel) as string ?? "";
    }

    /// <summary>Connects with Google handing out 60-second tokens, and gives the shared fake back its hour-long ones
    /// even when connecting fails, so that no other test meets tokens about to expire.</summary>
    private async Task ConnectWithShortLivedTokensAsync(SignedInAgent agent, FakeUser user)
    {
        await google.Google.SetAccessTokenLifetimeAsync(TimeSpan.FromSeconds(60));
        try
        {
            await ConnectAsync(agent, user);
        }
        finally
        {
            await google.Google.SetAccessTokenLifetimeAsync(TimeSpan.FromHours(1));
        }
    }
}
