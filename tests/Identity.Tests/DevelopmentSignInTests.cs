using System.Net;
using System.Text.RegularExpressions;
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

    [Fact]
    public async Task SignInPage_ListsNoAgents()
    {
        var agent = await identity.SignInAsync("Lou Listed", cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        var page = await http.GetStringAsync(SignInPage, TestContext.Current.CancellationToken);

        Assert.Contains("name=\"email\"", page);
        Assert.DoesNotContain(agent.Email, page);
        Assert.DoesNotContain("Lou Listed", page);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("127.0.0.1, 198.51.100.20")]
    [InlineData("not-an-address")]
    public async Task SignIn_ForABrowserElsewhere_IsForbidden(string forwardedFor)
    {
        // The gateway names the browser in X-Forwarded-For: a browser on another machine is refused, page and form alike
        // (the form with a valid antiforgery token, taken from the page as this machine sees it).
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true });
        var ownPage = await http.GetStringAsync(SignInPage, TestContext.Current.CancellationToken);
        var antiforgery = Regex.Match(ownPage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var page = new HttpRequestMessage(HttpMethod.Get, SignInPage) { Headers = { { "X-Forwarded-For", forwardedFor } } };
        using var form = new HttpRequestMessage(HttpMethod.Post, new Uri(identity.Issuer, "login"))
        {
            Headers = { { "X-Forwarded-For", forwardedFor } },
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgery,
                ["displayName"] = "Eve",
                ["email"] = "eve@agents.test",
                ["returnUrl"] = "/auth/connect/authorize?client_id=agentcalls-cli",
            }),
        };

        using var pageResponse = await http.SendAsync(page, TestContext.Current.CancellationToken);
        using var formResponse = await http.SendAsync(form, TestContext.Current.CancellationToken);

        Assert.NotEmpty(antiforgery);
        Assert.Equal(HttpStatusCode.Forbidden, pageResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, formResponse.StatusCode);
    }

    [Fact]
    public async Task SignInPage_ForABrowserOnThisMachineThroughTheGateway_IsShown()
    {
        using var http = new HttpClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, SignInPage) { Headers = { { "X-Forwarded-For", "127.0.0.1" } } };

        using var response = await http.SendAsync(page, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Uri SignInPage => new(identity.Issuer, "login?returnUrl=" + Uri.EscapeDataString("/auth/connect/authorize?client_id=agentcalls-cli"));

    private async Task<GetMeResponse> GetMeAsync(SignedInAgent agent)
    {
        using var channel = GrpcChannel.ForAddress(identity.Instance.GrpcAddress);
        return await new Contracts.Identity.V1.Identity.IdentityClient(channel)
            .GetMeAsync(new GetMeRequest(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
    }
}
