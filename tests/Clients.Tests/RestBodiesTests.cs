using System.Net;
using System.Text.Json;
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

        Assert.True(calls >= Cases.Drawn(15) * RestMethods.Of("clients").Count);
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
    public async Task StartImport_AColumnIndexAsAStringInsideTheMapping_Is400NamingThatMappingsColumnIndex()
    {
        var agent = await host.NewAgentAsync("Mapp Ing");
        // Found by seed 8LFeeQLbxO8c: transcoding reads "12" as no int32, but Google.Protobuf's parser does, so the
        // refusal named no field when the string sat inside a list of messages.
        var body = JsonDocument.Parse("""
            {"importId":null,"dry_run":null,"duplicateMode":"DUPLICATE_MODE_SKIP","mapping":[{},{"column_index":124200610,"field":"IMPORT_FIELD_POLICY_NOTES"},{"columnIndex":"12","header":"","field":"IMPORT_FIELD_DO_NOT_CALL"}]}
            """).RootElement;

        var response = await host.Rest.SendJsonAsync(HttpMethod.Post, $"/api/clients/imports/{Guid.NewGuid()}/start", body, agent, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["mapping[2].columnIndex"], response.ViolatedFields());
    }

    [Fact]
    public async Task StartImport_AnObjectWhereTheMappingListIsDue_Is400NamingMapping()
    {
        var agent = await host.NewAgentAsync("Lis Tless");

        // Found by seed cQEfkQxrMxX1: the object was read as one mapping and nothing was named.
        var response = await host.Rest.SendJsonAsync(HttpMethod.Post, $"/api/clients/imports/{Guid.NewGuid()}/start", new { mapping = new { } }, agent, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["mapping"], response.ViolatedFields());
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
