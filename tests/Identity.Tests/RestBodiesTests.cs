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
        using var rest = RestClient();

        // Deleting the account or ending every session, when the input is accepted, would leave the next calls nothing to change.
        var calls = await RestFaceProperty.HoldsAsync(rest,
            method => method.Rpc.Name is "DeleteAccount" or "SignOutEverywhere" ? identity.SignInAsync("Once Only", cancellationToken: Cancel) : Task.FromResult(agent),
            "identity", identity.DatabaseConnectionString, casesPerMethod: 15, Cancel);

        Assert.True(calls >= Cases.Drawn(15) * RestMethods.Of("identity").Count);
    }

    [Fact]
    public async Task StartGoogleConnection_AnObjectForTheReturnPath_Is400NamingReturnPath()
    {
        var agent = await identity.SignInAsync("Rita Return", cancellationToken: Cancel);
        using var rest = RestClient();

        // Found by the property's first fixed seed: Identity's transcoding refusals named no field at all.
        var response = await rest.SendJsonAsync(HttpMethod.Post, "/api/identity/google:connect", new { return_path = new { } }, agent, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["returnPath"], response.ViolatedFields());
    }

    /// <summary>Identity's own REST port speaks HTTP/2 only, as the gateway forwards.</summary>
    private HttpClient RestClient() => new()
    {
        BaseAddress = identity.Instance.GrpcAddress,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };
}
