using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Date = Google.Type.Date;

namespace AgentCalls.Clients.Tests;

/// <summary>A deleted agent leaves nothing behind: not the book, not its ranking, not a word only its clients had.</summary>
public sealed class AgentDeletedTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AgentDeleted_ErasesTheBookItsRankingAndTheWordsOnlyItsClientsHad()
    {
        var leaving = await host.NewAgentAsync("Leaving Lou");
        var staying = await host.NewAgentAsync("Staying Sue");
        var gone = await host.CreateClientAsync(leaving, "Zebediah Quackenbusch");
        var renewal = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);
        await host.CreatePolicyAsync(leaving, gone.ClientId, $"Z-{Guid.NewGuid():N}", p => p.ExpirationDate = new Date { Year = renewal.Year, Month = renewal.Month, Day = renewal.Day });
        await host.CreateClientAsync(staying, "Quackenbusch Stays");
        var queue = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), leaving.Bearer, cancellationToken: Cancel);

        await host.PublishAsync(new AgentDeleted { AgentId = leaving.AgentId.ToString(), DeletedAt = Timestamp.FromDateTime(DateTime.UtcNow) });
        await Eventually.IsTrueAsync(async () => await CountAsync($"SELECT count(*)::int AS \"Value\" FROM call_queue_rankings WHERE agent_id = '{leaving.AgentId}'") == 0);

        Assert.Single(queue.Entries);
        Assert.Equal(0, await CountAsync($"SELECT count(*)::int AS \"Value\" FROM clients WHERE agent_id = '{leaving.AgentId}'"));
        Assert.Equal(0, await CountAsync($"SELECT count(*)::int AS \"Value\" FROM call_queue_entries WHERE agent_id = '{leaving.AgentId}'"));
        Assert.Equal(0, await CountAsync($"SELECT count(*)::int AS \"Value\" FROM call_queue_stale WHERE agent_id = '{leaving.AgentId}'"));
        Assert.Equal(0, await CountAsync("SELECT count(*)::int AS \"Value\" FROM search_words WHERE word = 'zebediah'"));
        Assert.Equal(1, await CountAsync("SELECT count(*)::int AS \"Value\" FROM search_words WHERE word = 'quackenbusch'"));
    }

    private Task<int> CountAsync(string sql) =>
        host.QueryAsync(db => db.Database.SqlQueryRaw<int>(sql).SingleAsync(Cancel));
}
