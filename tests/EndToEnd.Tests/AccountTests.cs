using System.Net;
using AgentCalls.TestSupport;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>The agent's control over the account: sign out everywhere, and delete the account from every service.</summary>
public sealed class AccountTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignOutEverywhere_EndsTheAgentsOtherBrowserSessionsToo()
    {
        var email = $"{Guid.NewGuid():N}@agents.test";
        using var laptop = system.NewBrowser();
        using var phone = system.NewBrowser();
        await laptop.SignInAsync("Uma Everywhere", email, Cancel);
        await phone.SignInAsync("Uma Everywhere", email, Cancel);

        var (status, _) = await laptop.PostJsonAsync("/bff/logout-everywhere", new { }, Cancel);
        var (phoneAfter, _) = await phone.GetJsonAsync("/api/identity/me", Cancel);
        var (laptopAfter, _) = await laptop.GetJsonAsync("/api/identity/me", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.Unauthorized, phoneAfter);
        Assert.Equal(HttpStatusCode.Unauthorized, laptopAfter);
    }

    [Fact]
    public async Task DeleteAccount_LeavesNoRowOfTheAgentInAnyDatabase_AndEndsTheSession()
    {
        using var leaving = await system.SignedInBrowserAsync("Vic Vanish", Cancel);
        using var staying = await system.SignedInBrowserAsync("Wyn Stays", Cancel);
        await AgentRows.SeedAsync(system, leaving.AgentId, Cancel);
        await AgentRows.SeedAsync(system, staying.AgentId, Cancel);
        Assert.All(await CountsAsync(leaving.AgentId), count => Assert.True(count > 0));

        var (status, _) = await leaving.PostJsonAsync("/bff/delete-account", new { }, Cancel);
        var (after, _) = await leaving.GetJsonAsync("/api/identity/me", Cancel);
        await Eventually.IsTrueAsync(async () => (await CountsAsync(leaving.AgentId)).All(count => count == 0));

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.Unauthorized, after);
        Assert.All(await CountsAsync(staying.AgentId), count => Assert.True(count > 0));
    }

    private async Task<long[]> CountsAsync(Guid agentId) =>
        await Task.WhenAll(AgentRows.Databases.Select(database => AgentRows.CountAsync(system, database, agentId, Cancel)));
}
