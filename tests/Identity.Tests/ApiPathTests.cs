using System.Net;
using System.Net.Http.Headers;
using AgentCalls.TestSupport;

namespace AgentCalls.Identity.Tests;

/// <summary>
/// The gateway forwards /auth/** to Identity with no authorization policy or rate limit: Identity's API must not
/// answer there, only at /api/identity/**, which the gateway guards.
/// </summary>
public sealed class ApiPathTests(IdentityHost identity)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_UnderTheAuthPathBase_IsNotFound_WhileItsOwnPathAnswers()
    {
        var agent = await identity.SignInAsync("Pat Pathbase", cancellationToken: Cancel);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken);

        using var underAuth = await http.GetAsync(new Uri(identity.Issuer, "api/identity/me"), Cancel);
        using var grpcUnderAuth = await http.PostAsync(new Uri(identity.Issuer, "agentcalls.identity.v1.Identity/GetMe"), new ByteArrayContent([]), Cancel);
        using var own = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(identity.Instance.GrpcAddress, "/api/identity/me"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, underAuth.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grpcUnderAuth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(agent.AgentId.ToString(), await own.Content.ReadAsStringAsync(Cancel));
    }
}
