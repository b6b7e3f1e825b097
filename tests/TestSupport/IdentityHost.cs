using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Browser;
using Xunit;

namespace AgentCalls.TestSupport;

/// <summary>
/// The real Identity.Service for a test assembly (services fetch its keys over HTTP, as deployed), signing
/// agents in through its development sign-in with a real OpenID Connect client (code flow, PKCE) as the
/// <c>agentcalls-cli</c> public client. Tokens in tests come from here, never from a shortcut.
/// </summary>
public class IdentityHost : IAsyncLifetime
{
    public const string CliClientId = "agentcalls-cli";
    public const string CliRedirectUri = "http://127.0.0.1:7890/callback";

    private IdentityServerInstance? instance;

    /// <summary>The Postgres and Redis this Identity (and whatever the test assembly adds) runs on.</summary>
    public DatabaseServers Servers { get; } = new();

    public IdentityServerInstance Instance => instance ?? throw new InvalidOperationException("Not started.");

    public Uri Issuer => Instance.Issuer;

    public string DatabaseConnectionString { get; private set; } = "";

    public virtual async ValueTask InitializeAsync()
    {
        await Servers.InitializeAsync();
        DatabaseConnectionString = await Servers.CreateDatabaseAsync("identity");
        instance = IdentityServerInstance.Start(DatabaseConnectionString, Servers.RedisConnectionString);
    }

    /// <summary>Signs an agent in (creating it on first use of the e-mail address) and returns its tokens.</summary>
    public Task<SignedInAgent> SignInAsync(string displayName, string? email = null, CancellationToken cancellationToken = default) =>
        SignInAsync(Issuer, displayName, email, cancellationToken);

    public static async Task<SignedInAgent> SignInAsync(
        Uri issuer, string displayName, string? email = null, CancellationToken cancellationToken = default, bool withGoogle = false)
    {
        email ??= $"{Guid.NewGuid():N}@agents.test";
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });
        var result = await CreateClient(issuer, new Browser(browser, displayName, email, withGoogle)).LoginAsync(cancellationToken: cancellationToken);
        if (result.IsError)
        {
            throw new InvalidOperationException($"Sign-in failed: {result.Error} {result.ErrorDescription}");
        }

        var agentId = Guid.Parse(result.User.FindFirst("sub")!.Value);
        return new SignedInAgent(agentId, displayName, email, result.AccessToken, result.RefreshToken);
    }

    /// <summary>A real OpenID Connect client of Identity, for tests that exercise the protocol itself.</summary>
    public static OidcClient CreateClient(Uri issuer, IBrowser browser) => new(new OidcClientOptions
    {
        Authority = issuer.ToString(),
        ClientId = CliClientId,
        RedirectUri = CliRedirectUri,
        Scope = "openid profile email offline_access api",
        LoadProfile = false,
        Browser = browser,
        Policy = new Policy { Discovery = { RequireHttps = false } },
    });

    public virtual async ValueTask DisposeAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }

        await Servers.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class Browser(HttpClient http, string displayName, string email, bool withGoogle = false) : IBrowser
    {
        public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
        {
            var arrived = await DevelopmentSignIn.FollowAsync(
                http, new Uri(options.StartUrl), url => url.ToString().StartsWith(options.EndUrl, StringComparison.Ordinal), displayName, email, cancellationToken, withGoogle);
            return new BrowserResult { ResultType = BrowserResultType.Success, Response = arrived.ToString() };
        }
    }
}

/// <summary>An agent signed in for a test, with the tokens Identity issued.</summary>
public sealed record SignedInAgent(Guid AgentId, string DisplayName, string Email, string AccessToken, string? RefreshToken)
{
    public Grpc.Core.Metadata Bearer => new() { { "Authorization", $"Bearer {AccessToken}" } };
}
