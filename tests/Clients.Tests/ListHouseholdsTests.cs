using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;

namespace AgentCalls.Clients.Tests;

/// <summary>The agent's households, a page at a time, by name, with their member counts.</summary>
public sealed class ListHouseholdsTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListHouseholds_MoreThanAPage_PagesByName_WithMemberCounts_AndOnlyTheAgentsOwn()
    {
        var agent = await host.NewAgentAsync("Hal Homes");
        var other = await host.NewAgentAsync("Olga Other");
        await host.Households.CreateHouseholdAsync(new CreateHouseholdRequest { Name = "Not Hal's" }, other.Bearer, cancellationToken: Cancel);
        foreach (var name in new[] { "Evans", "adams", "Carter", "Baker", "Diaz" })
        {
            var household = await host.Households.CreateHouseholdAsync(new CreateHouseholdRequest { Name = name }, agent.Bearer, cancellationToken: Cancel);
            if (name == "Carter")
            {
                await host.CreateClientAsync(agent, "Cal Carter", c => c.HouseholdId = household.HouseholdId);
                await host.CreateClientAsync(agent, "Cat Carter", c => c.HouseholdId = household.HouseholdId);
            }
        }

        var seen = new List<(string Name, int Members)>();
        var request = new ListHouseholdsRequest { PageSize = 2 };
        var pages = 0;
        do
        {
            var page = await host.Households.ListHouseholdsAsync(request, agent.Bearer, cancellationToken: Cancel);
            seen.AddRange(page.Households.Select(h => (h.Name, h.MemberCount)));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal([("adams", 0), ("Baker", 0), ("Carter", 2), ("Diaz", 0), ("Evans", 0)], seen);
    }

    [Fact]
    public async Task ListHouseholds_PageSizeOverTheMaximumOrAForeignPageToken_IsRefusedNamingTheField()
    {
        var agent = await host.NewAgentAsync("Fern Fields");

        var tooMany = await RpcAssert.InvalidArgumentAsync(() =>
            host.Households.ListHouseholdsAsync(new ListHouseholdsRequest { PageSize = 201 }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        var forged = await RpcAssert.InvalidArgumentAsync(() =>
            host.Households.ListHouseholdsAsync(new ListHouseholdsRequest { PageToken = "bm90LWEtdG9rZW4" }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(["pageSize"], tooMany);
        Assert.Equal(["pageToken"], forged);
    }
}
