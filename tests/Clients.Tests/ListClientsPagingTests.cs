using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;

namespace AgentCalls.Clients.Tests;

public sealed class ListClientsPagingTests(ClientsServiceHost host)
{
    [Fact]
    public async Task ListClients_ClientsAddedInAnyOrder_AreOrderedByDisplayName()
    {
        var agent = await host.SignInAsync("Olga Order", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddClientsAsync(agent, "Mia Moss", "Ava Adler", "Zoe Zane", "Eli East");

        var names = (await host.ListAsync(agent)).Clients.Select(c => c.DisplayName);

        Assert.Equal(["Ava Adler", "Eli East", "Mia Moss", "Zoe Zane"], names);
    }

    [Fact]
    public async Task ListClients_ClientsAddedBetweenPages_ReturnsEveryClientOnceInOrder()
    {
        var agent = await host.SignInAsync("Kay Keyset", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddClientsAsync(agent, "Bo", "Cy", "Di", "Ed", "Fay");

        var first = await host.ListAsync(agent, pageSize: 2);
        // One client sorts before the cursor (an offset would repeat "Cy"), one after it.
        await host.AddClientsAsync(agent, "Al", "Dot");
        var rest = await ListFromAsync(agent, 2, first.NextPageToken);

        Assert.Equal(["Bo", "Cy", "Di", "Dot", "Ed", "Fay"], first.Clients.Concat(rest).Select(c => c.DisplayName));
    }

    [Fact]
    public async Task ListClients_SameNameAcrossPages_ReturnsEachClientOnce()
    {
        var agent = await host.SignInAsync("Sam Namesake", cancellationToken: TestContext.Current.CancellationToken);
        var twins = await host.AddClientsAsync(agent, "Sam Same", "Sam Same", "Sam Same", "Sam Same", "Sam Same");

        var listed = await ListFromAsync(agent, 2, "");

        Assert.Equal(twins.Select(c => c.Id.ToString()).Order(), listed.Select(c => c.ClientId).Order());
    }

    [Fact]
    public async Task ListClients_LastPageExactlyFull_HasNoNextPageToken()
    {
        var agent = await host.SignInAsync("Flo Full", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddClientsAsync(agent, "Ann", "Ben", "Cat", "Dan");

        var first = await host.ListAsync(agent, pageSize: 2);
        var second = await host.ListAsync(agent, pageSize: 2, first.NextPageToken);

        Assert.NotEmpty(first.NextPageToken);
        Assert.Equal(["Cat", "Dan"], second.Clients.Select(c => c.DisplayName));
        Assert.Empty(second.NextPageToken);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(200, 200)]
    public async Task ListClients_PageSize_ReturnsThatManyAndAToken(int pageSize, int expected)
    {
        var agent = await host.SignInAsync("Pia Pagesize", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddClientsAsync(agent, [.. Enumerable.Range(1, expected + 1).Select(i => $"Client {i:000}")]);

        var page = await host.ListAsync(agent, pageSize);

        Assert.Equal(expected, page.Clients.Count);
        Assert.NotEmpty(page.NextPageToken);
    }

    [Fact]
    public async Task ListClients_AnotherAgentsPageToken_IsOnlyAPositionInOwnClients()
    {
        var ann = await host.SignInAsync("Ann Cursor", cancellationToken: TestContext.Current.CancellationToken);
        var bob = await host.SignInAsync("Bob Cursor", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddClientsAsync(ann, "Ada", "Ivy", "Uma");
        // Bob has clients on both sides of Ann's token ("after Ada"): a token ignored would list Abe too.
        var bobsClients = await host.AddClientsAsync(bob, "Abe", "Hal", "Ned");
        var annsToken = (await host.ListAsync(ann, pageSize: 1)).NextPageToken;

        var bobSees = await host.ListAsync(bob, pageToken: annsToken);

        Assert.Equal(bobsClients.Skip(1).Select(c => c.Id.ToString()), bobSees.Clients.Select(c => c.ClientId));
    }

    private Task<List<ClientSummary>> ListFromAsync(SignedInAgent agent, int pageSize, string pageToken) =>
        Pages.ReadFromAsync(pageToken, token => host.ListAsync(agent, pageSize, token), page => page.Clients, page => page.NextPageToken);
}
