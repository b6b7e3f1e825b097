using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;
using StackExchange.Redis;

namespace AgentCalls.Eventing;

/// <summary>
/// Moves committed outbox rows to their Redis streams, oldest first, marking them published in the same
/// database transaction that locked them. If Redis is down nothing is marked, and the resilience pipeline
/// keeps retrying with backoff: events wait in the outbox and none is lost. A crash between the stream
/// write and the commit publishes an event twice; consumers' inboxes make that harmless.
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    OutboxSignal signal,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<EventingOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    public const string PipelineName = "outbox-relay";
    private static readonly ActivitySource Source = new("AgentCalls.Eventing");
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pipeline = pipelines.GetPipeline(PipelineName);
        var nextPurge = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            do
            {
                published = await pipeline.ExecuteAsync(PublishBatchAsync, stoppingToken);
            }
            while (published == options.Value.RelayBatchSize && !stoppingToken.IsCancellationRequested);

            if (time.GetUtcNow() >= nextPurge)
            {
                await pipeline.ExecuteAsync(PurgeAsync, stoppingToken);
                nextPurge = time.GetUtcNow() + PurgeInterval;
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Publishes up to one batch; returns how many events went out.</summary>
    public async ValueTask<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        var published = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.Set<OutboxMessage>()
                .FromSql($"SELECT * FROM outbox_messages WHERE published_at IS NULL ORDER BY id LIMIT {options.Value.RelayBatchSize} FOR UPDATE SKIP LOCKED")
                .AsNoTracking()
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return 0;
            }

            using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer);
            activity?.SetTag("messaging.batch.message_count", batch.Count);
            try
            {
                await AddToStreamsAsync(batch);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Not a database fault: the EF execution strategy must not retry it (it would treat a Redis
                // timeout as transient and wait up to minutes); the relay's own pipeline backs off instead.
                throw new RedisUnavailableException(e);
            }

            // One statement for the batch: a CSV import queues an event per client and policy, and marking them one
            // UPDATE each kept the relay (and Postgres) busy long after the import that wrote them had ended.
            var now = time.GetUtcNow();
            var ids = batch.ConvertAll(m => m.Id);
            await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, now), ct);
            await transaction.CommitAsync(ct);
            return batch.Count;
        }, cancellationToken);

        if (published > 0)
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(EventStreams.NotifyChannel), published);
            LogPublished(logger, published);
        }

        return published;
    }

    private Task AddToStreamsAsync(List<OutboxMessage> batch)
    {
        var database = redis.GetDatabase();
        // Issued back to back on one connection: pipelined, and in order within each stream.
        var writes = batch.Select(message => database.StreamAddAsync(
            EventStreams.For(message.EventType),
            [
                new NameValueEntry(EventStreams.IdField, message.Id.ToString()),
                new NameValueEntry(EventStreams.TypeField, message.EventType),
                new NameValueEntry(EventStreams.PayloadField, message.Payload),
                new NameValueEntry(EventStreams.OccurredAtField, message.OccurredAt.ToString("O")),
                new NameValueEntry(EventStreams.TraceParentField, message.TraceParent ?? ""),
            ],
            maxLength: options.Value.StreamMaxLength,
            useApproximateMaxLength: true));
        return Task.WhenAll(writes);
    }

    private async ValueTask PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        await db.Set<OutboxMessage>().Where(m => m.PublishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.HandledAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {Count} events from the outbox.")]
    private static partial void LogPublished(ILogger logger, int count);
}

/// <summary>Redis did not take a batch; the rows stay unpublished and the relay tries again.</summary>
public sealed class RedisUnavailableException(Exception inner) : Exception("Redis did not accept the outbox batch.", inner);

