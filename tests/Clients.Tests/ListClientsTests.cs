using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Client = AgentCalls.Clients.Service.Clients.Client;
using Policy = AgentCalls.Clients.Service.Policies.Policy;
using Grpc.Core;

namespace AgentCalls.Clients.Tests;

public sealed class ListClientsTests(ClientsServiceHost host)
{
    [Fact]
    public async Task ListClients_WithoutAToken_IsUnauthenticated() =>
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () =>
            host.Clients.ListClientsAsync(new ListClientsRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task ListClients_NewAgent_ReturnsAnEmptyLastPage()
    {
        var agent = await host.SignInAsync("Nadia New", cancellationToken: TestContext.Current.CancellationToken);

        var page = await host.ListAsync(agent);

        Assert.Empty(page.Clients);
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task ListClients_TwoAgentsWithClients_EachSeesOnlyTheirOwn()
    {
        var ann = await host.SignInAsync("Ann Owner", cancellationToken: TestContext.Current.CancellationToken);
        var bob = await host.SignInAsync("Bob Owner", cancellationToken: TestContext.Current.CancellationToken);
        var annsClients = await host.AddClientsAsync(ann, "Alma Ames", "Cyd Cole");
        var bobsClients = await host.AddClientsAsync(bob, "Bea Burns");

        var annSees = await host.ListAsync(ann);
        var bobSees = await host.ListAsync(bob);

        Assert.Equal(annsClients.Select(c => c.Id.ToString()), annSees.Clients.Select(c => c.ClientId));
        Assert.Equal(bobsClients.Select(c => c.Id.ToString()), bobSees.Clients.Select(c => c.ClientId));
    }

    [Fact]
    public async Task ListClients_ClientsWithAndWithoutDetails_MapsContactDetailsAndPolicyCounts()
    {
        var agent = await host.SignInAsync("Paul Policies", cancellationToken: TestContext.Current.CancellationToken);
        var insured = new Client { AgentId = agent.AgentId, DisplayName = "Ida Insured", Email = "ida@example.test", Phones = [new ClientPhone { Number = "+15550100", Type = AgentCalls.Clients.Service.Clients.PhoneType.Mobile }] };
        var prospect = new Client { AgentId = agent.AgentId, DisplayName = "Pat Prospect" };
        await host.AddAsync(insured, prospect, Policy(insured, "HO-1"), Policy(insured, "AU-2"));

        var clients = (await host.ListAsync(agent)).Clients;

        Assert.Equal([("Ida Insured", "ida@example.test", "+15550100", 2), ("Pat Prospect", "", "", 0)],
            clients.Select(c => (c.DisplayName, c.Email, c.Phone, c.PolicyCount)));
        Assert.Equal(insured.CreatedAt.ToUnixTimeSeconds(), clients[0].CreatedAt.Seconds);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public Task ListClients_PageSizeOutOfRange_IsInvalidArgumentOnPageSize(int pageSize) =>
        AssertRefusedAsync("pageSize", pageSize: pageSize);

    [Theory]
    [MemberData(nameof(GarbagePageTokens.All), MemberType = typeof(GarbagePageTokens))]
    public Task ListClients_PageTokenNotFromThisService_IsInvalidArgumentOnPageToken(string token) =>
        AssertRefusedAsync("pageToken", pageToken: token);

    [Fact]
    public async Task ListClients_PageSizeAndPageTokenBothBad_NamesBothFields()
    {
        var agent = await host.SignInAsync("Bea Bothbad", cancellationToken: TestContext.Current.CancellationToken);

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.ListAsync(agent, 500, "garbage"));

        Assert.Equal(["pageSize", "pageToken"], fields);
    }

    /// <summary>The request is refused naming <paramref name="field"/> alone, and the agent's clients are as they were.</summary>
    private async Task AssertRefusedAsync(string field, int pageSize = 0, string pageToken = "")
    {
        var agent = await host.SignInAsync("Val Validator", cancellationToken: TestContext.Current.CancellationToken);
        var clients = await host.AddClientsAsync(agent, "Otto Only");

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.ListAsync(agent, pageSize, pageToken));

        Assert.Equal([field], fields);
        Assert.Equal(clients[0].Id.ToString(), Assert.Single((await host.ListAsync(agent)).Clients).ClientId);
    }

    private static Policy Policy(Client client, string number) =>
        new() { AgentId = client.AgentId, ClientId = client.Id, PolicyNumber = number, Carrier = "Acme Mutual" };
}
