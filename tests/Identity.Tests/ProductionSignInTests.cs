using System.Net;
using AgentCalls.TestSupport;

namespace AgentCalls.Identity.Tests;

/// <summary>
/// The development sign-in must not exist outside Development, nor in Development unless asked for
/// (Identity:DevelopmentSignIn): the environment that launch profiles set is not enough.
/// </summary>
public sealed class ProductionSignInTests(IdentityHost identity) : IAsyncLifetime
{
    private readonly Dictionary<string, IdentityServerInstance> instances = [];

    public async ValueTask InitializeAsync()
    {
        instances["production"] = IdentityServerInstance.Start(
            await identity.Servers.CreateDatabaseAsync("identity_production"), identity.Servers.RedisConnectionString, environment: "Production");
        instances["development-not-asked-for"] = IdentityServerInstance.Start(
            await identity.Servers.CreateDatabaseAsync("identity_no_dev_sign_in"), identity.Servers.RedisConnectionString, environment: "Development",
            new Dictionary<string, string?> { ["Identity:DevelopmentSignIn"] = "false" });
    }

    [Theory]
    [InlineData("production")]
    [InlineData("development-not-asked-for")]
    public async Task DevelopmentSignInPage_DoesNotExist(string instance)
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(instances[instance].Issuer, "login?returnUrl=%2Fauth%2Fconnect%2Fauthorize%3Fx%3D1"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("production")]
    [InlineData("development-not-asked-for")]
    public async Task Authorize_WithNoSignInMethod_IsDeniedToTheClient(string instance)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = new Uri(instances[instance].Issuer,
            "connect/authorize?client_id=agentcalls-cli&response_type=code&scope=openid%20api" +
            $"&redirect_uri={Uri.EscapeDataString(IdentityHost.CliRedirectUri)}&state=s1" +
            "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");

        var response = await http.GetAsync(authorize, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentityHost.CliRedirectUri, response.Headers.Location!.ToString());
        Assert.Contains("error=access_denied", response.Headers.Location.Query);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances.Values)
        {
            await instance.DisposeAsync();
        }
    }
}
