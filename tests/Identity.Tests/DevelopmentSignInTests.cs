using System.Net;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.TestSupport;
using Grpc.Net.Client;
using StackExchange.Redis;

namespace AgentCalls.Identity.Tests;

public sealed class DevelopmentSignInTests(IdentityHost identity)
{
    [Fact]
    public async Task SignIn_NewEmail_CreatesAgentWhoseIdIsTheTokenSubject()
    {
        var agent = await identity.SignInAsync("Ann Agent", cancellationToken: TestContext.Current.CancellationToken);

        var me = await GetMeAsync(agent);

        Assert.Equal(agent.AgentId.ToString(), me.AgentId);
        Assert.Equal("Ann Agent", me.DisplayName);
        Assert.Equal(agent.Email, me.Email);
    }

    [Fact]
    public async Task SignIn_SameEmailAgain_FindsTheSameAgent()
    {
        var email = $"{Guid.NewGuid():N}@agents.test";
        var first = await identity.SignInAsync("Bob Broker", email, TestContext.Current.CancellationToken);

        var second = await identity.SignInAsync("Someone Else", email.ToUpperInvariant(), TestContext.Current.CancellationToken);

        Assert.Equal(first.AgentId, second.AgentId);
        Assert.Equal("Bob Broker", (await GetMeAsync(second)).DisplayName);
    }

    [Fact]
    public async Task SignIn_NewAgent_PublishesAgentRegisteredThroughTheOutbox()
    {
        var agent = await identity.SignInAsync("Cara Carrier", cancellationToken: TestContext.Current.CancellationToken);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(identity.Servers.RedisConnectionString);
        var stream = $"events:{AgentRegistered.Descriptor.FullName}";

        var registered = await Eventually.ReturnsAsync(async () =>
            (await redis.GetDatabase().StreamRangeAsync(stream))
                .Select(entry => AgentRegistered.Parser.ParseFrom((byte[])entry["payload"]!))
                .FirstOrDefault(e => e.AgentId == agent.AgentId.ToString()));

        Assert.Equal("Cara Carrier", registered.DisplayName);
        Assert.Equal(agent.Email, registered.Email);
    }

    [Theory]
    [InlineData("https://attacker.example/auth/connect/authorize?client_id=x")]
    [InlineData("//attacker.example/auth/connect/authorize?client_id=x")]
    [InlineData("/today")]
    public async Task LoginPage_ReturnUrlOtherThanTheAuthorizationEndpoint_IsRefused(string returnUrl)
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(identity.Issuer, "login?returnUrl=" + Uri.EscapeDataString(returnUrl)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignInPage_WithNoGoogleClient_SaysGoogleIsNotConfigured()
    {
        using var http = new HttpClient();

        var page = await http.GetStringAsync(new Uri(identity.Issuer, "login?returnUrl=" + Uri.EscapeDataString("/auth/connect/authorize?client_id=agentcalls-cli")), TestContext.Current.CancellationToken);

        Assert.Contains("Google sign-in is not configured", page);
        Assert.DoesNotContain("Continue with Google", page);
    }

    private async Task<GetMeResponse> GetMeAsync(SignedInAgent agent)
    {
        using var channel = GrpcChannel.ForAddress(identity.Instance.GrpcAddress);
        return await new Contracts.Identity.V1.Identity.IdentityClient(channel)
            .GetMeAsync(new GetMeRequest(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
    }
}
