using AgentCalls.Contracts.Identity.V1;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Duende.IdentityModel.OidcClient.Browser;
using Npgsql;

namespace AgentCalls.Identity.Tests.Google;

public sealed class GoogleSignInTests(GoogleIdentity google) : IClassFixture<GoogleIdentity>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstSignIn_CreatesTheAgentFromTheGoogleAccount()
    {
        var user = await google.Google.AddUserAsync("Wes Winter");

        var agent = await google.SignInAsync(user, Cancel);
        var me = await MeAsync(agent);

        Assert.Equal("Wes Winter", me.DisplayName);
        Assert.Equal(user.Email, me.Email);
        Assert.Equal(user.Subject, await GoogleSubjectOfAsync(agent.AgentId));
    }

    [Fact]
    public async Task SecondSignIn_FindsTheAgentByGoogleSubject_EvenWhenTheEmailChanged()
    {
        var user = await google.Google.AddUserAsync("Xia Xu");
        var first = await google.SignInAsync(user, Cancel);
        user.Email = $"renamed-{user.Email}";
        await google.Google.UpdateUserAsync(user);

        var second = await google.SignInAsync(user, Cancel);

        Assert.Equal(first.AgentId, second.AgentId);
    }

    [Fact]
    public async Task SignIn_AnotherGoogleAccountWithTheSameEmail_IsAnotherAgent()
    {
        var owner = await google.Google.AddUserAsync("Yan Owner");
        var lookalike = await google.Google.AddUserAsync("Yan Lookalike");
        lookalike.Email = owner.Email;
        await google.Google.UpdateUserAsync(lookalike);

        var first = await google.SignInAsync(owner, Cancel);
        var second = await google.SignInAsync(lookalike, Cancel);

        Assert.NotEqual(first.AgentId, second.AgentId);
    }

    [Theory]
    [InlineData(IdTokenTampering.BadSignature)]
    [InlineData(IdTokenTampering.WrongNonce)]
    [InlineData(IdTokenTampering.WrongAudience)]
    public async Task SignIn_WithASpoiledIdToken_IsRefusedAndCreatesNoAgent(IdTokenTampering tampering)
    {
        var user = await google.Google.AddUserAsync("Zed Forged");
        await google.Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject, IdToken = tampering });

        var result = await LoginAsync(user);

        Assert.True(result.IsError);
        Assert.Equal("server_error", result.Error);
        Assert.Null(await GoogleSubjectOwnerAsync(user.Subject));
    }

    [Fact]
    public async Task SignIn_CancelledAtGoogle_IsAccessDeniedForTheClient()
    {
        var user = await google.Google.AddUserAsync("Abe Absent");
        await google.Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject, Deny = true });

        var result = await LoginAsync(user);

        Assert.Equal("access_denied", result.Error);
        Assert.Null(await GoogleSubjectOwnerAsync(user.Subject));
    }

    [Fact]
    public async Task Callback_WithAStateIdentityNeverIssued_IsRefused()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await browser.GetAsync(new Uri(google.Identity.Issuer, "callback/google?code=4/forged&state=forged-state"), Cancel);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("agentcalls.signin=", StringComparison.Ordinal)));
    }

    private async Task<Duende.IdentityModel.OidcClient.LoginResult> LoginAsync(FakeUser user)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });
        var browser = new RedirectFollowingBrowser(http, user);
        return await IdentityHost.CreateClient(google.Identity.Issuer, browser).LoginAsync(cancellationToken: Cancel);
    }

    private async Task<GetMeResponse> MeAsync(SignedInAgent agent) =>
        await new Contracts.Identity.V1.Identity.IdentityClient(google.Channel).GetMeAsync(new GetMeRequest(), agent.Bearer, cancellationToken: Cancel);

    private async Task<string?> GoogleSubjectOfAsync(Guid agentId) =>
        await ScalarAsync("SELECT google_subject FROM agents WHERE id = @value", agentId);

    private async Task<string?> GoogleSubjectOwnerAsync(string subject) =>
        await ScalarAsync("SELECT id::text FROM agents WHERE google_subject = @value", subject);

    private async Task<string?> ScalarAsync(string sql, object value)
    {
        await using var connection = new NpgsqlConnection(google.DatabaseConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("value", value) } };
        return await command.ExecuteScalarAsync(Cancel) as string;
    }

    /// <summary>A browser that only follows redirects: Google's consent is answered by the fake.</summary>
    private sealed class RedirectFollowingBrowser(HttpClient http, FakeUser user) : IBrowser
    {
        public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
        {
            var arrived = await DevelopmentSignIn.FollowAsync(
                http, new Uri(options.StartUrl), url => url.ToString().StartsWith(options.EndUrl, StringComparison.Ordinal), user.Name, user.Email, cancellationToken);
            return new BrowserResult { ResultType = BrowserResultType.Success, Response = arrived.ToString() };
        }
    }
}
