using System.Net;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AgentCalls.Identity.Tests.Google;

/// <summary>
/// Google access for work no agent asked for: Calendar.Service's own token (client credentials, scope
/// google.tokens, its client id as subject) may name any agent; an agent's token only ever gets its own agent's Google access.
/// </summary>
public sealed class GoogleServiceTokenTests(GoogleIdentity google) : IClassFixture<GoogleIdentity>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private GoogleTokens.GoogleTokensClient Tokens => new(google.Channel);

    [Fact]
    public async Task ForAgent_WithTheServiceToken_ReturnsEachNamedAgentsOwnGoogleToken()
    {
        var (annUser, ann) = await ConnectedAsync("Ann Background");
        var (bobUser, bob) = await ConnectedAsync("Bob Background");
        var service = await ServiceTokens.CalendarServiceBearerAsync(google.Identity.Issuer, Cancel);

        var annToken = await Tokens.GetGoogleAccessTokenForAgentAsync(new() { AgentId = ann.AgentId.ToString() }, service, cancellationToken: Cancel);
        var bobToken = await Tokens.GetGoogleAccessTokenForAgentAsync(new() { AgentId = bob.AgentId.ToString() }, service, cancellationToken: Cancel);

        Assert.Contains(annToken.AccessToken, await google.Google.TokensIssuedToAsync(annUser));
        Assert.Contains(bobToken.AccessToken, await google.Google.TokensIssuedToAsync(bobUser));
    }

    [Fact]
    public async Task ForAgent_WithAnAgentsToken_IsPermissionDenied_EvenForItself()
    {
        var (_, ann) = await ConnectedAsync("Ann Asking");
        var (_, bob) = await ConnectedAsync("Bob Named");

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Tokens.GetGoogleAccessTokenForAgentAsync(new() { AgentId = bob.AgentId.ToString() }, ann.Bearer, cancellationToken: Cancel).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Tokens.GetGoogleAccessTokenForAgentAsync(new() { AgentId = ann.AgentId.ToString() }, ann.Bearer, cancellationToken: Cancel).ResponseAsync);
    }

    [Fact]
    public async Task GetGoogleAccessToken_WithAnAgentsToken_ReturnsThatAgentsTokenOnly()
    {
        var (annUser, ann) = await ConnectedAsync("Ann Interactive");
        var (bobUser, _) = await ConnectedAsync("Bob Bystander");

        var token = await Tokens.GetGoogleAccessTokenAsync(new(), ann.Bearer, cancellationToken: Cancel);

        Assert.Contains(token.AccessToken, await google.Google.TokensIssuedToAsync(annUser));
        Assert.DoesNotContain(token.AccessToken, await google.Google.TokensIssuedToAsync(bobUser));
    }

    [Fact]
    public async Task ServiceToken_HasNoAgent_SoAgentMethodsRefuseIt()
    {
        var service = await ServiceTokens.CalendarServiceBearerAsync(google.Identity.Issuer, Cancel);
        var jwt = new JsonWebToken(service.Get("Authorization")!.Value["Bearer ".Length..]);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Tokens.GetGoogleAccessTokenAsync(new(), service, cancellationToken: Cancel).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            new Contracts.Identity.V1.Identity.IdentityClient(google.Channel).GetMeAsync(new(), service, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(ServiceTokens.CalendarClientId, jwt.Subject);
    }

    [Fact]
    public async Task ForAgent_NotAnAgentId_IsInvalidArgumentOnAgentId()
    {
        var service = await ServiceTokens.CalendarServiceBearerAsync(google.Identity.Issuer, Cancel);

        var fields = await RpcAssert.InvalidArgumentAsync(() =>
            Tokens.GetGoogleAccessTokenForAgentAsync(new() { AgentId = "someone" }, service, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(["agentId"], fields);
    }

    [Theory]
    [InlineData(ServiceTokens.CalendarClientId, "wrong-secret", "google.tokens", "invalid_client")]
    [InlineData(ServiceTokens.CalendarClientId, IdentityServerInstance.CalendarServiceSecret, "api", "invalid_request")]
    [InlineData("agentcalls-cli", "", "google.tokens", "invalid_request")]
    public async Task ClientCredentials_WrongSecretScopeOrClient_IsRefused(string clientId, string secret, string scope, string expectedError)
    {
        var (status, body) = await ServiceTokens.RequestAsync(google.Identity.Issuer, clientId, secret, scope, Cancel);

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal(expectedError, body.GetProperty("error").GetString());
    }

    private async Task<(FakeUser User, SignedInAgent Agent)> ConnectedAsync(string name)
    {
        var user = await google.Google.AddUserAsync(name);
        var agent = await google.SignInAsync(user, Cancel);
        await google.ConnectCalendarAsync(agent, user, Cancel);
        return (user, agent);
    }
}
