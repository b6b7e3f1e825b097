using AgentCalls.Clients.Service.CallQueue;
using AgentCalls.Clients.Service.Standards;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Date = Google.Type.Date;

namespace AgentCalls.Clients.Tests;

/// <summary>The call queue ranked ahead of the agent's day, in the background, so that the day's first read finds it made.</summary>
public sealed class CallQueuePrerankerTests(ClientsServiceHost host)
{
    // Far from UTC, so that the agent's today is worked out in their zone, not the server's.
    private const string Zone = "Pacific/Kiritimati";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeZones.Today(Zone, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Preranker_AgentRankedYesterday_IsRankedForTodayWithoutARead()
    {
        var agent = await NewAgentInZoneAsync("Prerank Petra");
        var entering = await host.CreateClientAsync(agent, "Ena Entering");
        // The last day of the 45-day window today; yesterday it was a day outside.
        await host.CreatePolicyAsync(agent, entering.ClientId, "REN-45-PRE", p => p.ExpirationDate = Date(Today.AddDays(45)));
        var nearer = await host.CreateClientAsync(agent, "Nico Nearer");
        await host.CreatePolicyAsync(agent, nearer.ClientId, "REN-12-PRE", p => p.ExpirationDate = Date(Today.AddDays(12)));
        await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        // The ranking as yesterday's would be: made a day ago, without the renewal that had not entered the window, and
        // with the other renewal a day further off.
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE call_queue_rankings SET ranked_on = ranked_on - 1 WHERE agent_id = {agent.AgentId};
            DELETE FROM call_queue_entries WHERE client_id = {Guid.Parse(entering.ClientId)};
            UPDATE call_queue_entries SET renewal_days = 13 WHERE client_id = {Guid.Parse(nearer.ClientId)};
            """, Cancel));
        await host.Services.GetRequiredService<CallQueuePreranker>().PrerankAsync(Cancel);
        var entries = await EntriesAsync(agent);

        Assert.Equal([(Guid.Parse(entering.ClientId), 45), (Guid.Parse(nearer.ClientId), 12)], entries.Order());
    }

    [Fact]
    public async Task Preranker_MoreAgentsDueThanOneBatch_RanksThemAllInPassesUntilOneIsNotFull()
    {
        var agents = new List<SignedInAgent>();
        for (var i = 1; i <= 5; i++)
        {
            var agent = await NewAgentInZoneAsync($"Prerank Many {i}");
            var client = await host.CreateClientAsync(agent, $"Mo Many {i}");
            await host.CreatePolicyAsync(agent, client.ClientId, $"REN-12-MANY-{i}", p => p.ExpirationDate = Date(Today.AddDays(12)));
            await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);
            await host.QueryAsync(db => db.Database.ExecuteSqlAsync(
                $"UPDATE call_queue_rankings SET ranked_on = ranked_on - 1 WHERE agent_id = {agent.AgentId}", Cancel));
            agents.Add(agent);
        }

        var preranker = ActivatorUtilities.CreateInstance<CallQueuePreranker>(host.Services, Options.Create(new CallQueueOptions { PrerankBatchSize = 2 }));
        var ranked = await preranker.PrerankAllDueAsync(Cancel);

        Assert.True(ranked >= agents.Count, $"{ranked} ranked");
        foreach (var agent in agents)
        {
            Assert.Equal(Today, await RankedOnAsync(agent));
        }
    }

    [Fact]
    public async Task Preranker_AgentWhoNeverReadTheQueue_IsLeftAlone()
    {
        var agent = await NewAgentInZoneAsync("Prerank Never");
        var client = await host.CreateClientAsync(agent, "Nell Never");
        await host.CreatePolicyAsync(agent, client.ClientId, "REN-10-NEVER", p => p.ExpirationDate = Date(Today.AddDays(10)));

        await host.Services.GetRequiredService<CallQueuePreranker>().PrerankAsync(Cancel);

        Assert.Null(await RankedOnAsync(agent));
        Assert.Empty(await EntriesAsync(agent));
    }

    [Fact]
    public async Task Preranker_AgentRankedToday_IsNotRankedAgain()
    {
        var agent = await NewAgentInZoneAsync("Prerank Steady");
        var client = await host.CreateClientAsync(agent, "Sid Steady");
        await host.CreatePolicyAsync(agent, client.ClientId, "REN-12-STEADY-PRE", p => p.ExpirationDate = Date(Today.AddDays(12)));
        await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);
        // Written behind the ranking's back (no client or policy changed): only ranking the book again would undo it.
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE call_queue_entries SET renewal_days = 13 WHERE agent_id = {agent.AgentId}", Cancel));

        await host.Services.GetRequiredService<CallQueuePreranker>().PrerankAsync(Cancel);

        Assert.Equal(Today, await RankedOnAsync(agent));
        Assert.Equal([(Guid.Parse(client.ClientId), 13)], await EntriesAsync(agent));
    }

    [Fact]
    public async Task Preranker_AndAReadAtTheSameMoment_RankTheDayOnce()
    {
        var agent = await NewAgentInZoneAsync("Prerank Race");
        var client = await host.CreateClientAsync(agent, "Rae Race");
        await host.CreatePolicyAsync(agent, client.ClientId, "REN-12-RACE", p => p.ExpirationDate = Date(Today.AddDays(12)));
        await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE call_queue_rankings SET ranked_on = ranked_on - 1 WHERE agent_id = {agent.AgentId}", Cancel));

        var read = host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel).ResponseAsync;
        var pass = host.Services.GetRequiredService<CallQueuePreranker>().PrerankAsync(Cancel);
        var queue = await read;
        await pass;

        Assert.Equal("Renewal in 12 days (REN-12-RACE)", Assert.Single(Assert.Single(queue.Entries).Reasons).Description);
        Assert.Equal(Today, await RankedOnAsync(agent));
        Assert.Equal([(Guid.Parse(client.ClientId), 12)], await EntriesAsync(agent));
    }

    [Fact]
    public async Task Preranker_AgentWhoseRefreshIsUnderWayElsewhere_IsSkippedNotWaitedFor_AndRankedOnceItEnds()
    {
        var agent = await NewAgentInZoneAsync("Prerank Busy");
        var client = await host.CreateClientAsync(agent, "Bea Busy");
        await host.CreatePolicyAsync(agent, client.ClientId, "REN-12-BUSY", p => p.ExpirationDate = Date(Today.AddDays(12)));
        await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        // The agent's refresh lock, as a read (or another replica's preranker) ranking the book right now holds it.
        await using (var busy = new NpgsqlConnection(host.ServiceDatabaseConnectionString))
        {
            await busy.OpenAsync(Cancel);
            await using var transaction = await busy.BeginTransactionAsync(Cancel);
            await using (var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('clients.call_queue'), hashtext(@agent::text))", busy, transaction))
            {
                hold.Parameters.AddWithValue("agent", agent.AgentId);
                await hold.ExecuteNonQueryAsync(Cancel);
            }

            await host.QueryAsync(db => db.Database.ExecuteSqlAsync(
                $"UPDATE call_queue_rankings SET ranked_on = ranked_on - 1 WHERE agent_id = {agent.AgentId}", Cancel));
            await host.Services.GetRequiredService<CallQueuePreranker>().PrerankAsync(Cancel);

            Assert.Equal(Today.AddDays(-1), await RankedOnAsync(agent));
        }

        await host.Services.GetRequiredService<CallQueuePreranker>().PrerankAsync(Cancel);
        Assert.Equal(Today, await RankedOnAsync(agent));
    }

    private async Task<SignedInAgent> NewAgentInZoneAsync(string name)
    {
        var agent = await host.NewAgentAsync(name);
        var settings = (await host.Settings.GetBookSettingsAsync(new GetBookSettingsRequest(), agent.Bearer, cancellationToken: Cancel)).Clone();
        settings.TimeZone = Zone;
        await host.Settings.UpdateBookSettingsAsync(new UpdateBookSettingsRequest { Settings = settings }, agent.Bearer, cancellationToken: Cancel);
        return agent;
    }

    private Task<DateOnly?> RankedOnAsync(SignedInAgent agent) =>
        host.QueryAsync(db => db.Database.SqlQuery<DateOnly?>(
            $"""SELECT ranked_on AS "Value" FROM call_queue_rankings WHERE agent_id = {agent.AgentId}""").SingleOrDefaultAsync(Cancel));

    private Task<List<(Guid ClientId, int? RenewalDays)>> EntriesAsync(SignedInAgent agent) =>
        host.QueryAsync(async db => (await db.Database.SqlQuery<Entry>(
            $"SELECT client_id, renewal_days FROM call_queue_entries WHERE agent_id = {agent.AgentId}").ToListAsync(Cancel))
            .Select(e => (e.ClientId, e.RenewalDays)).ToList());

    private sealed record Entry(Guid ClientId, int? RenewalDays);

    private static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
