using System.Net;
using AgentCalls.TestSupport;
using AgentCalls.TestSupport.BadInput;

namespace AgentCalls.Identity.Tests;

/// <summary>Generated requests for every REST method of Identity.Service (issue #16, "bad input changes nothing").</summary>
public sealed class RestBodiesTests(IdentityHost identity)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRestMethod_GeneratedBadInput_IsA4xxNamingTheFieldAndChangesNothing()
    {
        var agent = await identity.SignInAsync("Gene Rated", cancellationToken: Cancel);
        // Its own REST port speaks HTTP/2 only, as the gateway forwards.
        using var rest = new HttpClient
        {
            BaseAddress = identity.Instance.GrpcAddress,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        // Deleting the account or ending every session, when the input is accepted, would leave the next calls nothing to change.
        var calls = await RestFaceProperty.HoldsAsync(rest,
            method => method.Rpc.Name is "DeleteAccount" or "SignOutEverywhere" ? identity.SignInAsync("Once Only", cancellationToken: Cancel) : Task.FromResult(agent),
            "identity", identity.DatabaseConnectionString, casesPerMethod: 15, Cancel);

        Assert.True(calls >= Cases.Drawn(15) * RestMethods.Of("identity").Count);
    }
}
