using System.Diagnostics;
using AgentCalls.ServiceDefaults;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentCalls.Eventing;

/// <summary>
/// Reads one event type's stream as this service's consumer group. Each event is handled in a database
/// transaction that first records its id in the inbox, then acknowledged: a redelivered event (after a crash
/// before the acknowledgement, or a duplicate publish) finds its id and is skipped. Events left unacknowledged
/// by a failed or dead consumer are claimed after <see cref="EventingOptions.ClaimIdleTime"/>; after
/// <see cref="EventingOptions.MaxDeliveries"/> deliveries an event moves to its dead-letter stream.
/// </summary>
public sealed partial class EventConsumer<TContext, TEvent, THandler>(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    IOptions<EventingOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<EventConsumer<TContext, TEvent, THandler>> logger) : BackgroundService
    where TContext : DbContext
    where TEvent : IMessage<TEvent>, new()
    where THandler : IEventHandler<TEvent>
{
    private static readonly ActivitySource Source = new("AgentCalls.Eventing");
    private static readonly MessageParser<TEvent> Parser = new(() => new TEvent());
    private static readonly string EventType = new TEvent().Descriptor.FullName;
    private const int ReadCount = 50;

    private readonly string stream = EventStreams.For(EventType);
    private readonly string group = options.Value.ServiceName ?? environment.ApplicationName;
    private readonly string consumer = $"{Environment.MachineName}-{Environment.ProcessId}";
    private readonly PublishSignal published = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SubscribeAsync();
        var groupReady = false;
        var nextClaim = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                groupReady = groupReady || await EnsureGroupAsync();
                handled = await ReadNewAsync(stoppingToken);
                if (time.GetUtcNow() >= nextClaim)
                {
                    handled += await ClaimIdleAsync(stoppingToken);
                    nextClaim = time.GetUtcNow() + options.Value.ClaimIdleTime / 2;
                }
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // Redis lost the stream (restarted without its data): recreate the group on the next pass.
                groupReady = false;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogRedisUnavailable(logger, e, stream);
            }

            if (handled == 0)
            {
                await WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>
    /// Wakes the loop when the relay announces a publish. The client registers the handler before it asks Redis,
    /// and subscribes it again whenever it (re)connects; so if Redis is down as the service starts, this logs and
    /// goes on (polling meanwhile) rather than failing the service.
    /// </summary>
    private async Task SubscribeAsync()
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(EventStreams.NotifyChannel), (_, _) => published.Notify());
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(logger, e, stream);
        }
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await published.WaitAsync(options.Value.PollInterval, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task<bool> EnsureGroupAsync()
    {
        try
        {
            // From the start of the stream: a service that joins later still sees what was published before.
            await redis.GetDatabase().StreamCreateConsumerGroupAsync(stream, group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Already there.
        }

        return true;
    }

    private async Task<int> ReadNewAsync(CancellationToken cancellationToken)
    {
        var entries = await redis.GetDatabase().StreamReadGroupAsync(stream, group, consumer, StreamPosition.NewMessages, ReadCount);
        foreach (var entry in entries)
        {
            await HandleAsync(entry, cancellationToken);
        }

        return entries.Length;
    }

    private async Task<int> ClaimIdleAsync(CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var claimed = await database.StreamAutoClaimAsync(
            stream, group, consumer, (long)options.Value.ClaimIdleTime.TotalMilliseconds, "0-0", ReadCount);
        foreach (var entry in claimed.ClaimedEntries.Where(e => !e.IsNull))
        {
            var pending = await database.StreamPendingMessagesAsync(stream, group, 1, consumer, entry.Id, entry.Id);
            if (pending.Length == 1 && pending[0].DeliveryCount > options.Value.MaxDeliveries)
            {
                await DeadLetterAsync(database, entry);
                continue;
            }

            await HandleAsync(entry, cancellationToken);
        }

        return claimed.ClaimedEntries.Length;
    }

    private async Task HandleAsync(StreamEntry entry, CancellationToken cancellationToken)
    {
        var fields = StreamEntryFields.Read(entry);
        if (fields is null)
        {
            await DeadLetterAsync(redis.GetDatabase(), entry);
            return;
        }

        using var activity = Source.StartActivity($"{EventType} process", ActivityKind.Consumer, fields.Parent);
        activity?.SetTag("messaging.message.id", fields.EventId.ToString());
        try
        {
            await HandleOnceAsync(fields, cancellationToken);
            await redis.GetDatabase().StreamAcknowledgeAsync(stream, group, entry.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Left unacknowledged: it is claimed again after the idle time.
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            LogHandlingFailed(logger, e, EventType, fields.EventId);
        }
    }

    /// <summary>Records the event in the inbox and applies it, in one transaction; a second delivery changes nothing.</summary>
    private async Task<bool> HandleOnceAsync(StreamEntryFields fields, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var firstTime = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (consumer, event_id, handled_at) VALUES ({group}, {fields.EventId}, {now}) ON CONFLICT DO NOTHING",
                ct) == 1;
            if (firstTime)
            {
                await handler.HandleAsync(Parser.ParseFrom(fields.Payload), new EventMetadata(fields.EventId, fields.OccurredAt), ct);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return firstTime;
        }, cancellationToken);
    }

    private async Task DeadLetterAsync(IDatabase database, StreamEntry entry)
    {
        await database.StreamAddAsync(EventStreams.DeadLetterFor(EventType), entry.Values);
        await database.StreamAcknowledgeAsync(stream, group, entry.Id);
        LogDeadLettered(logger, EventType, entry.Id.ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read {Stream} from Redis; retrying at the next poll.")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception, string stream);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {EventType} {EventId} failed; it will be delivered again.")]
    private static partial void LogHandlingFailed(ILogger logger, Exception exception, string eventType, Guid eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{EventType} entry {EntryId} moved to the dead-letter stream.")]
    private static partial void LogDeadLettered(ILogger logger, string eventType, string entryId);
}

/// <summary>A consumer's own wake-up: one pending notification is enough, however many events were published meanwhile.</summary>
internal sealed class PublishSignal : WakeUpSignal;
