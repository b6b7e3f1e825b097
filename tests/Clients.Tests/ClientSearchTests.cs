using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Date = Google.Type.Date;
using TimeOfDay = Google.Type.TimeOfDay;

namespace AgentCalls.Clients.Tests;

/// <summary>The query box (typos, partial input, phone and policy numbers), the filters, the orders and keyset pages.</summary>
public sealed class ClientSearchTests(ClientsServiceHost host)
{
    [Theory]
    [InlineData("Katharine Jonson")]
    [InlineData("katherin")]
    [InlineData("kjohnson@")]
    [InlineData("(312) 555-0199")]
    [InlineData("5550199")]
    [InlineData("hx-7731")]
    public async Task ListClients_QueryMatchingByNameEmailPhoneOrPolicy_FindsTheClientFirst(string query)
    {
        var agent = await host.NewAgentAsync("Quinn Query");
        var wanted = await host.CreateClientAsync(agent, "Katherine Johnson", c =>
        {
            c.Email = "kjohnson@example.com";
            c.Phones.Add(new Phone { Number = "+1 312 555 0199", Type = PhoneType.Mobile });
        });
        await host.CreatePolicyAsync(agent, wanted.ClientId, "HX-7731");
        await host.CreateClientAsync(agent, "Bartholomew Quist", c => c.Email = "bq@example.org");

        var found = await host.SearchAsync(agent, new ListClientsRequest { Query = query });

        Assert.Equal(wanted.ClientId, found.Clients[0].ClientId);
        Assert.DoesNotContain(found.Clients, c => c.DisplayName == "Bartholomew Quist");
    }

    [Theory]
    [InlineData("Nancy Thomas", "nacny thomas")]
    [InlineData("Nancy Thomas", "nancy thoms")]
    [InlineData("Nancy Thomas", "nanccy thomas")]
    [InlineData("Ronald Harris", "ronld harris")]
    [InlineData("Maria Diaz", "maria daiz")]
    public async Task ListClients_MisspelledName_FindsTheClientThroughTheLexicon(string name, string query)
    {
        var agent = await host.NewAgentAsync("Typo Tess");
        var wanted = await host.CreateClientAsync(agent, name);
        await host.CreateClientAsync(agent, "Bartholomew Quist");

        var found = await host.SearchAsync(agent, new ListClientsRequest { Query = query });

        Assert.Equal([wanted.ClientId], found.Clients.Select(c => c.ClientId));
    }

    [Theory]
    [InlineData("swapped")]
    [InlineData("dropped")]
    [InlineData("doubled")]
    public async Task ListClients_NewWordMisspelled_FindsTheClientWhoseCreationAddedItToTheLexicon(string typo)
    {
        var agent = await host.NewAgentAsync("Lexicon Lena");
        var word = ClientsServiceHost.NewWord();
        var wanted = await host.CreateClientAsync(agent, $"Opal {word}");
        var misspelled = typo switch
        {
            "swapped" => string.Concat(word[1].ToString(), word[0].ToString(), word[2..]),
            "dropped" => word.Remove(4, 1),
            _ => word.Insert(4, word[4].ToString()),
        };

        var found = await host.SearchAsync(agent, new ListClientsRequest { Query = $"opal {misspelled}" });

        Assert.True(await host.IsSearchWordAsync(word));
        Assert.Equal([wanted.ClientId], found.Clients.Select(c => c.ClientId));
    }

    [Fact]
    public async Task ListClients_QueryMatchingStrictly_LeavesOutLookAlikesUnlessTheFiltersLeaveOutTheMatch()
    {
        var agent = await host.NewAgentAsync("Strict Stan");
        var jon = await host.CreateClientAsync(agent, "Jon Smith");
        var john = await host.CreateClientAsync(agent, "John Smyth", c => c.Tags.Add("gold"));

        var strict = await host.SearchAsync(agent, new ListClientsRequest { Query = "jon smith" });
        var filtered = await host.SearchAsync(agent, new ListClientsRequest { Query = "jon smith", Tag = "gold" });

        Assert.Equal([jon.ClientId], strict.Clients.Select(c => c.ClientId));
        Assert.Equal([john.ClientId], filtered.Clients.Select(c => c.ClientId));
    }

    [Fact]
    public async Task ListClients_AnotherAgentsClientMatches_IsNotFound()
    {
        var owner = await host.NewAgentAsync("Search Owner");
        var other = await host.NewAgentAsync("Search Other");
        await host.CreateClientAsync(owner, "Zebulon Unique");

        var found = await host.SearchAsync(other, new ListClientsRequest { Query = "zebulon" });

        Assert.Empty(found.Clients);
    }

    [Fact]
    public async Task ListClients_Filters_EachSelectsItsClients()
    {
        var agent = await host.NewAgentAsync("Filter Fay");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var renewing = await host.CreateClientAsync(agent, "Renee Renewing", c => c.Tags.Add("gold"));
        await host.CreatePolicyAsync(agent, renewing.ClientId, $"R-{Guid.NewGuid():N}", p => p.ExpirationDate = Date(today.AddDays(10)));
        var lapsed = await host.CreateClientAsync(agent, "Larry Lapsed");
        await host.CreatePolicyAsync(agent, lapsed.ClientId, $"L-{Guid.NewGuid():N}", p => (p.Status, p.LineOfBusiness, p.Carrier) = (PolicyStatus.Lapsed, LineOfBusiness.Home, "Blue Shield"));
        var far = await host.CreateClientAsync(agent, "Fran Far");
        await host.CreatePolicyAsync(agent, far.ClientId, $"F-{Guid.NewGuid():N}", p => p.ExpirationDate = Date(today.AddDays(200)));

        async Task<string[]> Names(ListClientsRequest request) => [.. (await host.SearchAsync(agent, request)).Clients.Select(c => c.DisplayName)];

        Assert.Equal(["Renee Renewing"], await Names(new ListClientsRequest { RenewalDueWithinDays = 30 }));
        Assert.Equal(["Larry Lapsed"], await Names(new ListClientsRequest { Lapsed = true }));
        Assert.Equal(["Larry Lapsed"], await Names(new ListClientsRequest { LineOfBusiness = LineOfBusiness.Home }));
        Assert.Equal(["Larry Lapsed"], await Names(new ListClientsRequest { Carrier = "blue shield" }));
        Assert.Equal(["Larry Lapsed"], await Names(new ListClientsRequest { PolicyStatus = PolicyStatus.Lapsed }));
        Assert.Equal(["Renee Renewing"], await Names(new ListClientsRequest { Tag = "Gold" }));
        Assert.Equal(["Fran Far", "Larry Lapsed", "Renee Renewing"], await Names(new ListClientsRequest { NotContactedForDays = 1 }));
        Assert.Equal(["Renee Renewing", "Fran Far", "Larry Lapsed"], await Names(new ListClientsRequest { OrderBy = ClientOrder.NextRenewal }));
        Assert.Equal(["Fran Far", "Larry Lapsed", "Renee Renewing"], await Names(new ListClientsRequest { OrderBy = ClientOrder.RecentlyAdded }));
    }

    [Theory]
    [InlineData(ClientOrder.Relevance)]
    [InlineData(ClientOrder.LastContacted)]
    [InlineData(ClientOrder.RecentlyAdded)]
    [InlineData(ClientOrder.NextRenewal)]
    public async Task ListClients_PagedInAnyOrder_ReturnsEveryMatchOnce(ClientOrder order)
    {
        var agent = await host.NewAgentAsync("Page Order");
        var ids = new List<string>();
        foreach (var name in new[] { "Sam Smith", "Samuel Smith", "Samantha Smith", "Sammy Smithers", "Sam Smith" })
        {
            ids.Add((await host.CreateClientAsync(agent, name)).ClientId);
        }

        var listed = await Pages.ReadFromAsync("",
            token => host.SearchAsync(agent, new ListClientsRequest { Query = "sam smith", OrderBy = order, PageSize = 2, PageToken = token }),
            page => page.Clients, page => page.NextPageToken);

        Assert.Equal(ids.Order(), listed.Select(c => c.ClientId).Order());
    }

    [Fact]
    public async Task ListClients_TokenFromAnotherOrder_IsRefusedNamingPageToken()
    {
        var agent = await host.NewAgentAsync("Token Mixer");
        await host.AddClientsAsync(agent, "A1", "A2", "A3");
        var token = (await host.ListAsync(agent, pageSize: 1)).NextPageToken;

        var fields = await RpcAssert.InvalidArgumentAsync(() =>
            host.SearchAsync(agent, new ListClientsRequest { OrderBy = ClientOrder.RecentlyAdded, PageToken = token }));

        Assert.Equal(["pageToken"], fields);
    }

    [Theory]
    [InlineData("renewalDueWithinDays")]
    [InlineData("lineOfBusiness")]
    [InlineData("orderBy")]
    public async Task ListClients_BadFilter_IsRefusedNamingIt(string field)
    {
        var agent = await host.NewAgentAsync("Bad Filter");
        var request = field switch
        {
            "renewalDueWithinDays" => new ListClientsRequest { RenewalDueWithinDays = -3 },
            "lineOfBusiness" => new ListClientsRequest { LineOfBusiness = (LineOfBusiness)77 },
            _ => new ListClientsRequest { OrderBy = ClientOrder.Relevance },
        };

        Assert.Equal([field], await RpcAssert.InvalidArgumentAsync(() => host.SearchAsync(agent, request)));
    }

    private static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
