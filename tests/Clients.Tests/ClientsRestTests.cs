using System.Net;
using AgentCalls.TestSupport;

namespace AgentCalls.Clients.Tests;

/// <summary>ListClients through its REST face (JSON transcoding), as the gateway calls it.</summary>
public sealed class ClientsRestTests(ClientsServiceHost host)
{
    [Fact]
    public async Task GetClients_WithABearerToken_AnswersTheAgentsClientsAsJson()
    {
        var agent = await host.SignInAsync("Rita Rest", cancellationToken: TestContext.Current.CancellationToken);
        var clients = await host.AddClientsAsync(agent, "Jo Json", "Kim Kestrel");

        var response = await host.Rest.GetJsonAsync("/api/clients?pageSize=1", agent, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var only = Assert.Single(response.Body.GetProperty("clients").EnumerateArray());
        Assert.Equal(clients[0].Id.ToString(), only.GetProperty("clientId").GetString());
        Assert.Equal("Jo Json", only.GetProperty("displayName").GetString());
        Assert.NotEmpty(response.Body.GetProperty("nextPageToken").GetString()!);
    }

    [Fact]
    public async Task GetClients_PageSizeOutOfRange_Is400NamingPageSize()
    {
        var agent = await host.SignInAsync("Rex Rejected", cancellationToken: TestContext.Current.CancellationToken);

        var response = await host.Rest.GetJsonAsync("/api/clients?pageSize=500", agent, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["pageSize"], response.ViolatedFields());
    }

    [Fact]
    public async Task GetClients_WithoutAToken_Is401()
    {
        var response = await host.Rest.GetJsonAsync("/api/clients", agent: null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
