using System.Net;
using System.Text.Json;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AgentCalls.Identity.Tests;

public sealed class TokenTests(IdentityHost identity)
{
    [Fact]
    public async Task AccessToken_IsAShortLivedSignedJwtForTheApiAboutTheAgent()
    {
        var agent = await identity.SignInAsync("Dana Dealer", cancellationToken: TestContext.Current.CancellationToken);

        var token = new JsonWebTokenHandler().ReadJsonWebToken(agent.AccessToken);

        Assert.Equal("RS256", token.Alg);
        Assert.Equal(identity.Issuer.ToString(), token.Issuer);
        Assert.Contains("agentcalls-api", token.Audiences);
        Assert.Equal(agent.AgentId.ToString(), token.Subject);
        Assert.Equal(TimeSpan.FromMinutes(5), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task RefreshToken_GivesANewAccessTokenAndRotates()
    {
        var agent = await identity.SignInAsync("Eve Estimator", cancellationToken: TestContext.Current.CancellationToken);
        var client = IdentityHost.CreateClient(identity.Issuer, browser: null!);

        var refreshed = await client.RefreshTokenAsync(agent.RefreshToken!, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.NotEqual(agent.AccessToken, refreshed.AccessToken);
        Assert.NotEqual(agent.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(agent.AgentId.ToString(), new JsonWebTokenHandler().ReadJsonWebToken(refreshed.AccessToken).Subject);
    }

    [Fact]
    public async Task Discovery_AdvertisesTheCodeFlowWithPkceRotatingRefreshTokensAndClientCredentials()
    {
        using var http = new HttpClient();

        var discovery = JsonDocument.Parse(await http.GetStringAsync(new Uri(identity.Issuer, ".well-known/openid-configuration"), TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(identity.Issuer.ToString(), discovery.GetProperty("issuer").GetString());
        Assert.Contains("S256", Strings(discovery, "code_challenge_methods_supported"));
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token"], Strings(discovery, "grant_types_supported").Order());
        Assert.StartsWith(identity.Issuer.ToString(), discovery.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task SigningKeys_AreGeneratedOnceAndKeptAcrossRestarts()
    {
        await using var restarted = IdentityServerInstance.Start(identity.DatabaseConnectionString, identity.Servers.RedisConnectionString);

        var before = await KeyIdsAsync(identity.Issuer);
        var after = await KeyIdsAsync(restarted.Issuer);

        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task GetMe_WithoutAToken_IsUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GetMeAsync(new Metadata()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task GetMe_WithATamperedToken_IsUnauthenticated()
    {
        var agent = await identity.SignInAsync("Finn Forger", cancellationToken: TestContext.Current.CancellationToken);
        var parts = agent.AccessToken.Split('.');
        var otherAgent = await identity.SignInAsync("Gus Genuine", cancellationToken: TestContext.Current.CancellationToken);
        var forged = $"{parts[0]}.{otherAgent.AccessToken.Split('.')[1]}.{parts[2]}";

        var error = await Assert.ThrowsAsync<RpcException>(() => GetMeAsync(new Metadata { { "Authorization", $"Bearer {forged}" } }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task GetMe_OverRest_AnswersJsonForTheTokensAgent()
    {
        var agent = await identity.SignInAsync("Hal Homeowner", cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(identity.Instance.GrpcAddress, "/api/identity/me"))
        {
            // The gRPC endpoint speaks HTTP/2 only; cleartext HTTP/2 needs prior knowledge.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Authorization = new("Bearer", agent.AccessToken);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(agent.AgentId.ToString(), me.GetProperty("agentId").GetString());
        Assert.Equal("Hal Homeowner", me.GetProperty("displayName").GetString());
    }

    private async Task<GetMeResponse> GetMeAsync(Metadata headers)
    {
        using var channel = GrpcChannel.ForAddress(identity.Instance.GrpcAddress);
        return await new Contracts.Identity.V1.Identity.IdentityClient(channel).GetMeAsync(new GetMeRequest(), headers, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static async Task<string[]> KeyIdsAsync(Uri issuer)
    {
        using var http = new HttpClient();
        var jwks = JsonDocument.Parse(await http.GetStringAsync(new Uri(issuer, ".well-known/jwks"))).RootElement;
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).Order()];
    }

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
