using AgentCalls.Eventing.Tests.Support;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using static AgentCalls.Eventing.Tests.Support.EventingTestHost;

namespace AgentCalls.Eventing.Tests;

public sealed class EventConsumerTests(DatabaseServers servers) : IAsyncLifetime
{
    private static readonly string ConsumerLogCategory = typeof(EventConsumer<,,>).Namespace + ".EventConsumer";

    private ConnectionMultiplexer redis = null!;
    private AgentRegisteredStream stream = null!;

    public async ValueTask InitializeAsync()
    {
        redis = await ConnectionMultiplexer.ConnectAsync(servers.RedisConnectionString);
        stream = new AgentRegisteredStream(redis);
    }

    public ValueTask DisposeAsync() => redis.DisposeAsync();

    [Fact]
    public async Task EventConsumer_HandlerThrowsOnFirstDelivery_AppliesTheEventOnceWhenItIsRedelivered()
    {
        await using var host = await StartAsync(await CreateDatabaseAsync(servers), servers.RedisConnectionString);
        var agent = NewAgent("Flaky Handler");
        host.Script.FailFirstDelivery(agent.AgentId);

        var ids = await host.CommitAsync(agent);

        var entries = await stream.WaitForEntriesAsync(1, ids);
        await Eventually.IsTrueAsync(() => stream.AcknowledgedAsync(host.Group, entries));
        Assert.Equal(2, host.Script.DeliveriesOf(agent.AgentId));
        Assert.Single(await host.AppliedAsync(agent.AgentId));
        Assert.True(await host.WithDbAsync(db => db.Inbox.AnyAsync(m => m.Consumer == host.Group && m.EventId == ids[0])));
    }

    [Fact]
    public async Task EventConsumer_HostStopsAfterCommittingBeforeAcknowledging_NextHostAcknowledgesWithoutApplyingAgain()
    {
        var database = await CreateDatabaseAsync(servers);
        var agent = NewAgent("Interrupted Consumer");
        string group;
        StreamEntry entry;
        await using (var first = await StartAsync(database, servers.RedisConnectionString))
        {
            group = first.Group;
            first.Script.HangAfterFirstCommit(agent.AgentId);
            var ids = await first.CommitAsync(agent);
            await first.Script.HangAfterCommit.Committed.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);
            entry = (await stream.EntriesAsync(ids)).Single();
            await first.StopAsync();
        }

        // Applied and committed, never acknowledged: what a consumer that died at that moment leaves behind.
        Assert.True(await stream.IsPendingAsync(group, entry));
        await using var second = await StartAsync(database, servers.RedisConnectionString, group);
        Assert.Single(await second.AppliedAsync(agent.AgentId));

        await Eventually.IsTrueAsync(() => stream.AcknowledgedAsync(group, entry));
        Assert.Equal(0, second.Script.DeliveriesOf(agent.AgentId));
        Assert.Single(await second.AppliedAsync(agent.AgentId));
    }

    [Fact]
    public async Task EventConsumer_SameEventPublishedTwice_AppliesItOnce()
    {
        await using var host = await StartAsync(await CreateDatabaseAsync(servers), servers.RedisConnectionString);
        var agent = NewAgent("Published Twice");
        var ids = await host.CommitAsync(agent);
        var first = await stream.WaitForEntriesAsync(1, ids);
        await Eventually.IsTrueAsync(() => stream.AcknowledgedAsync(host.Group, first));

        // As after a relay crash between adding to the stream and marking the row: the same message goes out again.
        await host.WithDbAsync(db => db.Outbox.Where(m => m.Id == ids[0])
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.PublishedAt, (DateTimeOffset?)null), TestContext.Current.CancellationToken));

        var both = await stream.WaitForEntriesAsync(2, ids);
        await Eventually.IsTrueAsync(() => stream.AcknowledgedAsync(host.Group, both));
        Assert.Equal(1, host.Script.DeliveriesOf(agent.AgentId));
        Assert.Single(await host.AppliedAsync(agent.AgentId));
    }

    [Fact]
    public async Task EventConsumer_EventFailingEveryDelivery_IsDeadLetteredAfterMaxDeliveriesWithoutHoldingUpLaterEvents()
    {
        await using var host = await StartAsync(await CreateDatabaseAsync(servers), servers.RedisConnectionString);
        var poison = NewAgent("Poison");
        var later = NewAgent("Published After The Poison");
        host.Script.FailEveryDelivery(poison.AgentId);

        var ids = await host.CommitAsync(poison, later);

        var deadLetters = await Eventually.ReturnsAsync(async () => await stream.DeadLettersAsync(ids) is [_] one ? one : null);
        var entries = await stream.EntriesAsync(ids);
        await Eventually.IsTrueAsync(() => stream.AcknowledgedAsync(host.Group, entries));
        Assert.Equal(ids[0], AgentRegisteredStream.EventId(deadLetters[0]));
        Assert.Equal(entries[0][EventStreams.PayloadField], deadLetters[0][EventStreams.PayloadField]);
        Assert.Equal(MaxDeliveries, host.Script.DeliveriesOf(poison.AgentId));
        Assert.Empty(await host.AppliedAsync(poison.AgentId));
        Assert.Single(await host.AppliedAsync(later.AgentId));
        // The later event went through while the poison was still being retried, not after it was given up.
        var deliveries = host.Script.Deliveries().ToList();
        Assert.True(deliveries.IndexOf(later.AgentId) < deliveries.LastIndexOf(poison.AgentId), string.Join(", ", deliveries));
    }

    [Fact]
    public async Task EventConsumer_RedisDownWhenHostStarts_AppliesEventsOnceRedisIsUp()
    {
        await using var privateRedis = new PrivateRedis();
        await using var host = await StartAsync(await CreateDatabaseAsync(servers), privateRedis.ConnectionString, NewGroup());
        var agent = NewAgent("Registered During The Outage");
        await host.CommitAsync(agent);

        // The consumer has met the outage and is still running: it keeps trying instead of stopping the service.
        await Eventually.IsTrueAsync(() => Task.FromResult(host.Logs.Entries.Any(e => e.Category.StartsWith(ConsumerLogCategory, StringComparison.Ordinal) && e.Level == LogLevel.Warning)));
        await privateRedis.StartAsync();

        await Eventually.IsTrueAsync(async () => (await host.AppliedAsync(agent.AgentId)).Count == 1);
        var subscribers = (RedisResult[])(await host.Redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", EventStreams.NotifyChannel))!;
        Assert.Equal(1, (int)subscribers[1]);
    }
}
