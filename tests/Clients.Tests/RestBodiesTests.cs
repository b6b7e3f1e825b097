using System.Net;
using AgentCalls.TestSupport;
using AgentCalls.TestSupport.BadInput;

namespace AgentCalls.Clients.Tests;

/// <summary>
/// Generated requests for every REST method of Clients.Service (issue #16, "bad input changes nothing"), and the cases
/// they found kept as examples.
/// </summary>
public sealed class RestBodiesTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRestMethod_GeneratedBadInput_IsA4xxNamingTheFieldAndChangesNothing()
    {
        var agent = await host.NewAgentAsync("Gene Rated");

        var calls = await RestFaceProperty.HoldsAsync(host.Rest, agent, "clients", host.ServiceDatabaseConnectionString, casesPerMethod: 15, Cancel);

        Assert.True(calls >= 15 * RestMethods.Of("clients").Count);
    }

    [Fact]
    public async Task CreateHousehold_NameWithANulCharacter_Is400NamingName()
    {
        var agent = await host.NewAgentAsync("Nula Null");

        var response = await host.Rest.SendJsonAsync(HttpMethod.Post, "/api/clients/households", new { name = "a\0b" }, agent, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name"], response.ViolatedFields());
    }

    [Fact]
    public async Task CancelImport_IdThatIsNotAnId_Is400NamingImportId()
    {
        var agent = await host.NewAgentAsync("Ian Invalid");

        var response = await host.Rest.SendJsonAsync(HttpMethod.Post, "/api/clients/imports/0x10/cancel", new { }, agent, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["importId"], response.ViolatedFields());
    }

    [Fact]
    public async Task ListCallQueue_PageSizeThatIsNotANumber_Is400NamingPageSize()
    {
        var agent = await host.NewAgentAsync("Wren Wordy");

        var response = await host.Rest.GetJsonAsync("/api/clients/call-queue?pageSize=1e3", agent, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["pageSize"], response.ViolatedFields());
    }

    [Fact]
    public async Task UpdateBookSettings_NumberAsAWord_Is400NamingTheSettingsField()
    {
        var agent = await host.NewAgentAsync("Sal Settings");

        var response = await host.Rest.SendJsonAsync(HttpMethod.Put, "/api/clients/settings", new { contactIntervalDays = "many" }, agent, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["settings.contactIntervalDays"], response.ViolatedFields());
    }
}
