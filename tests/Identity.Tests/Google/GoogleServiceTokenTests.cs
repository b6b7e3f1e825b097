using System.Net;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AgentCalls.Identity.Tests.Google;

/// <summary>
/// Google access is Calendar.Service's alone: its own token (client credentials, scope google.tokens, its client id as
/// subject) names any agent for background work, or passes along the token of the agent it serves; an agent's token
/// (the CLI's, or one relayed by another service) gets no Google access at all.
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
    public async Task GetGoogleAccessToken_AsCalendarWithTheAgentsToken_ReturnsThatAgentsTokenOnly()
    {
        var (annUser, ann) = await ConnectedAsync("Ann Interactive");
        var (bobUser, _) = await ConnectedAsync("Bob Bystander");

        var token = await google.GoogleAccessTokenAsync(ann, Cancel);

        Assert.Contains(token.AccessToken, await google.Google.TokensIssuedToAsync(annUser));
        Assert.DoesNotContain(token.AccessToken, await google.Google.TokensIssuedToAsync(bobUser));
    }

    [Fact]
    public async Task GetGoogleAccessToken_WithAnAgentOrCliToken_IsPermissionDenied()
    {
        // The token an API client (agentcalls-cli) holds, or one a service relays: not enough for Google access.
        var (_, ann) = await ConnectedAsync("Ann Leaked");

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Tokens.GetGoogleAccessTokenAsync(new(), ann.Bearer, cancellationToken: Cancel).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Tokens.GetGoogleAccessTokenAsync(new() { AgentAccessToken = ann.AccessToken }, ann.Bearer, cancellationToken: Cancel).ResponseAsync);
    }

    [Fact]
    public async Task GetGoogleAccessToken_AsCalendarWithoutAValidAgentToken_IsUnauthenticated()
    {
        var (_, ann) = await ConnectedAsync("Ann Unnamed");
        var service = await ServiceTokens.CalendarServiceBearerAsync(google.Identity.Issuer, Cancel);
        var serviceToken = service.Get("Authorization")!.Value["Bearer ".Length..];
        var tampered = ann.AccessToken[..^4] + (ann.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        foreach (var agentToken in new[] { "", "not-a-token", tampered, serviceToken })
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () =>
                Tokens.GetGoogleAccessTokenAsync(new() { AgentAccessToken = agentToken }, service, cancellationToken: Cancel).ResponseAsync);
        }
    }

    [Fact]
    public async Task ServiceToken_HasNoAgent_SoAgentMethodsRefuseIt()
    {
        var service = await ServiceTokens.CalendarServiceBearerAsync(google.Identity.Issuer, Cancel);
        var jwt = new JsonWebToken(service.Get("Authorization")!.Value["Bearer ".Length..]);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            new Contracts.Identity.V1.Identity.IdentityClient(google.Channel).GetMeAsync(new(), service, cancellationToken: Cancel).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            new GoogleAccount.GoogleAccountClient(google.Channel).GetGoogleConnectionAsync(new(), service, cancellationToken: Cancel).ResponseAsync);
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
    [InlineData(ServiceTokens.ConversationClientId, IdentityServerInstance.ConversationServiceSecret, "google.tokens", "invalid_request")]
    [InlineData(ServiceTokens.CalendarClientId, IdentityServerInstance.CalendarServiceSecret, ServiceTokens.TranscriptionStreamScope, "invalid_request")]
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
