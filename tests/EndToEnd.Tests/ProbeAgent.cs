using AgentCalls.TestSupport;
using Grpc.Core;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// An agent that calls the services directly over gRPC with a bearer token, signing in again (as the same agent) before
/// the token's 30 s in this suite run out.
/// </summary>
public sealed class ProbeAgent(SystemUnderTest system, string displayName)
{
    private readonly string email = $"{Guid.NewGuid():N}@agents.test";
    private SignedInAgent? signedIn;
    private DateTime signedInAt;

    public Guid AgentId => signedIn?.AgentId ?? throw new InvalidOperationException("Not signed in yet.");

    public async Task<Metadata> BearerAsync(CancellationToken cancellationToken)
    {
        if (signedIn is null || DateTime.UtcNow - signedInAt > TimeSpan.FromSeconds(15))
        {
            var again = await IdentityHost.SignInAsync(new Uri(system.Gateway, "/auth/"), displayName, email, cancellationToken);
            Assert.True(signedIn is null || signedIn.AgentId == again.AgentId, "Signing in again with the same e-mail must be the same agent.");
            (signedIn, signedInAt) = (again, DateTime.UtcNow);
        }

        return signedIn.Bearer;
    }

    /// <summary>A request through the gateway with the agent's bearer token (the uploads are REST only).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await BearerAsync(cancellationToken);
        using var http = new HttpClient { BaseAddress = system.Gateway };
        request.Headers.Authorization = new("Bearer", signedIn!.AccessToken);
        return await http.SendAsync(request, cancellationToken);
    }
}
