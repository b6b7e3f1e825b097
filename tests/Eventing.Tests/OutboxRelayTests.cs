using AgentCalls.Eventing.Tests.Support;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Microsoft.EntityFrameworkCore;
using static AgentCalls.Eventing.Tests.Support.EventingTestHost;

namespace AgentCalls.Eventing.Tests;

public sealed class OutboxRelayTests(DatabaseServers servers)
{
    [Fact]
    public async Task OutboxRelay_EventAddedInRolledBackTransaction_IsNeverPublished()
    {
        await using var host = await StartAsync(await CreateDatabaseAsync(servers), servers.RedisConnectionString);
        var stream = new AgentRegisteredStream(host.Redis);
        var rolledBack = NewAgent("Rolled Back");
        var committed = NewAgent("Committed Afterwards");

        var rolledBackId = await host.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var id = db.AddEvent(rolledBack).Id;
            await db.SaveChangesAsync(ct);
            await transaction.RollbackAsync(ct);
            return id;
        }, TestContext.Current.CancellationToken));
        var committedIds = await host.CommitAsync(committed);

        // The relay publishes oldest first, so had the rolled-back row survived it would be out by now.
        Assert.True(rolledBackId.CompareTo(committedIds[0]) < 0);
        var published = await stream.WaitForEntriesAsync(1, committedIds);
        await Eventually.IsTrueAsync(() => stream.AcknowledgedAsync(host.Group, published));
        Assert.Empty(await stream.EntriesAsync(rolledBackId));
        Assert.False(await host.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Id == rolledBackId)));
        Assert.Equal([committed.AgentId], (await host.AppliedAsync(rolledBack.AgentId, committed.AgentId)).Select(h => h.AgentId));
    }

    [Fact]
    public async Task OutboxRelay_EventsAddedInOneTransaction_ArePublishedAndAppliedInTheOrderAdded()
    {
        await using var host = await StartAsync(await CreateDatabaseAsync(servers), servers.RedisConnectionString);
        var stream = new AgentRegisteredStream(host.Redis);
        var agents = Enumerable.Range(1, 20).Select(i => NewAgent($"Agent {i}")).ToArray();

        var ids = await host.CommitAsync(agents);

        var entries = await stream.WaitForEntriesAsync(20, ids);
        Assert.Equal(ids, entries.Select(AgentRegisteredStream.EventId));
        var applied = await Eventually.ReturnsAsync(async () => await host.AppliedAsync([.. agents.Select(a => a.AgentId)]) is { Count: 20 } all ? all : null);
        Assert.Equal(agents.Select(a => a.AgentId), applied.Select(h => h.AgentId));
    }

    [Fact]
    public async Task OutboxRelay_MoreEventsThanOneBatch_ArePublishedInOrderAndEachMarkedPublished()
    {
        await using var host = await StartAsync(await CreateDatabaseAsync(servers), servers.RedisConnectionString,
            configure: builder => builder.Configuration["Eventing:RelayBatchSize"] = "3");
        var stream = new AgentRegisteredStream(host.Redis);
        var agents = Enumerable.Range(1, 10).Select(i => NewAgent($"Batched {i}")).ToArray();

        var ids = await host.CommitAsync(agents);

        var entries = await stream.WaitForEntriesAsync(10, ids);
        Assert.Equal(ids, entries.Select(AgentRegisteredStream.EventId));
        await Eventually.IsTrueAsync(async () => await host.WithDbAsync(db => db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.PublishedAt != null)) == 10);
        Assert.Equal(10, await host.WithDbAsync(db => db.Outbox.CountAsync(m => ids.Contains(m.Id))));
    }

    [Fact]
    public async Task OutboxRelay_EventsCommittedWhileRedisIsDown_AreAllDeliveredInOrderWhenItIsBack()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        await using var host = await StartAsync(await CreateDatabaseAsync(servers), redis.ConnectionString);
        var stream = new AgentRegisteredStream(host.Redis);
        var first = NewAgent("Before The Outage");
        await host.CommitAsync(first);
        await Eventually.IsTrueAsync(async () => (await host.AppliedAsync(first.AgentId)).Count == 1);

        await redis.StopAsync();
        var retriesBefore = RelayRetries(host);
        var agents = Enumerable.Range(1, 6).Select(i => NewAgent($"During The Outage {i}")).ToArray();
        var ids = new List<Guid>();
        foreach (var agent in agents)
        {
            ids.AddRange(await host.CommitAsync(agent));
        }

        // The relay has failed to publish again and again and keeps retrying; nothing is marked published meanwhile.
        await Eventually.IsTrueAsync(() => Task.FromResult(RelayRetries(host) >= retriesBefore + 2));
        Assert.Equal(ids.Count, await host.WithDbAsync(db => db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.PublishedAt == null)));

        await redis.StartAsync();

        var applied = await Eventually.ReturnsAsync(async () => await host.AppliedAsync([.. agents.Select(a => a.AgentId)]) is { Count: 6 } all ? all : null);
        Assert.Equal(agents.Select(a => a.AgentId), applied.Select(h => h.AgentId));
        Assert.Equal(ids, (await stream.EntriesAsync([.. ids])).Select(AgentRegisteredStream.EventId).Distinct());
        Assert.Equal(0, await host.WithDbAsync(db => db.Outbox.CountAsync(m => m.PublishedAt == null)));
    }

    /// <summary>How many retries the relay's resilience pipeline has logged.</summary>
    private static int RelayRetries(EventingTestHost host) => host.Logs.Entries.Count(e =>
        e.Category == "Polly" && e.Message.Contains("OnRetry", StringComparison.Ordinal) && e.Message.Contains(OutboxRelay<EventsDbContext>.PipelineName, StringComparison.Ordinal));
}
