using AgentCalls.Contracts.Identity.V1;
using AgentCalls.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using IdentityClient = AgentCalls.Contracts.Identity.V1.Identity.IdentityClient;

namespace AgentCalls.Identity.Tests;

/// <summary>The agent's control over the account, straight at Identity's gRPC API: sign out everywhere, delete the account.</summary>
public sealed class AccountControlTests(IdentityHost identity)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignOutEverywhere_RevokesEveryRefreshTokenOfTheAgent_AndNoOneElses()
    {
        var email = $"{Guid.NewGuid():N}@agents.test";
        var laptop = await identity.SignInAsync("Uma Everywhere", email, Cancel);
        var phone = await identity.SignInAsync("Uma Everywhere", email, Cancel);
        var other = await identity.SignInAsync("Ola Other", cancellationToken: Cancel);
        using var channel = GrpcChannel.ForAddress(identity.Instance.GrpcAddress);

        var response = await new IdentityClient(channel).SignOutEverywhereAsync(new SignOutEverywhereRequest(), laptop.Bearer, cancellationToken: Cancel);

        var tokens = IdentityHost.CreateClient(identity.Issuer, browser: null!);
        Assert.True(response.RevokedTokens >= 2, $"{response.RevokedTokens} tokens revoked");
        Assert.True((await tokens.RefreshTokenAsync(phone.RefreshToken!, cancellationToken: Cancel)).IsError);
        Assert.True((await tokens.RefreshTokenAsync(laptop.RefreshToken!, cancellationToken: Cancel)).IsError);
        var otherRefreshed = await tokens.RefreshTokenAsync(other.RefreshToken!, cancellationToken: Cancel);
        Assert.False(otherRefreshed.IsError, otherRefreshed.Error);
    }

    [Fact]
    public async Task DeleteAccount_RemovesTheAgent_SoTheAgentAndASecondDeleteAreNotFound()
    {
        var leaving = await identity.SignInAsync("Vic Vanish", cancellationToken: Cancel);
        var staying = await identity.SignInAsync("Wyn Stays", cancellationToken: Cancel);
        using var channel = GrpcChannel.ForAddress(identity.Instance.GrpcAddress);
        var agents = new IdentityClient(channel);

        await agents.DeleteAccountAsync(new DeleteAccountRequest(), leaving.Bearer, cancellationToken: Cancel);

        // The access token stays a valid JWT until it expires; the agent it names is gone.
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => agents.GetMeAsync(new GetMeRequest(), leaving.Bearer, cancellationToken: Cancel).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => agents.DeleteAccountAsync(new DeleteAccountRequest(), leaving.Bearer, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal("Wyn Stays", (await agents.GetMeAsync(new GetMeRequest(), staying.Bearer, cancellationToken: Cancel)).DisplayName);
    }
}
