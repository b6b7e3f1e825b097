using System.Net;
using AgentCalls.TestSupport;

namespace AgentCalls.Identity.Tests;

/// <summary>The development sign-in must not exist outside Development.</summary>
public sealed class ProductionSignInTests(IdentityHost identity) : IAsyncLifetime
{
    private IdentityServerInstance production = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await identity.Servers.CreateDatabaseAsync("identity_production");
        production = IdentityServerInstance.Start(database, identity.Servers.RedisConnectionString, environment: "Production");
    }

    [Fact]
    public async Task DevelopmentSignInPage_InProduction_DoesNotExist()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(production.Issuer, "login?returnUrl=%2Fauth%2Fconnect%2Fauthorize%3Fx%3D1"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_InProductionWithNoSignInMethod_IsDeniedToTheClient()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = new Uri(production.Issuer,
            "connect/authorize?client_id=agentcalls-cli&response_type=code&scope=openid%20api" +
            $"&redirect_uri={Uri.EscapeDataString(IdentityHost.CliRedirectUri)}&state=s1" +
            "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");

        var response = await http.GetAsync(authorize, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentityHost.CliRedirectUri, response.Headers.Location!.ToString());
        Assert.Contains("error=access_denied", response.Headers.Location.Query);
    }

    public ValueTask DisposeAsync() => production.DisposeAsync();
}
