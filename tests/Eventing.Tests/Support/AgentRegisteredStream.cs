using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using StackExchange.Redis;

namespace AgentCalls.Eventing.Tests.Support;

/// <summary>What Redis holds for <see cref="AgentRegistered"/>: its stream, its dead-letter stream, and a group's progress.</summary>
public sealed class AgentRegisteredStream(IConnectionMultiplexer redis)
{
    public static readonly string Name = EventStreams.For(AgentRegistered.Descriptor.FullName);
    public static readonly string DeadLetterName = EventStreams.DeadLetterFor(AgentRegistered.Descriptor.FullName);

    /// <summary>The stream entries carrying these events, in stream order.</summary>
    public Task<StreamEntry[]> EntriesAsync(params Guid[] eventIds) => EntriesAsync(Name, eventIds);

    /// <summary>Waits until the stream holds <paramref name="count"/> entries carrying these events; returns them in stream order.</summary>
    public Task<StreamEntry[]> WaitForEntriesAsync(int count, params Guid[] eventIds) =>
        Eventually.ReturnsAsync(async () => await EntriesAsync(eventIds) is var entries && entries.Length == count ? entries : null);

    /// <summary>The dead-letter entries carrying these events, in stream order.</summary>
    public Task<StreamEntry[]> DeadLettersAsync(params Guid[] eventIds) => EntriesAsync(DeadLetterName, eventIds);

    /// <summary>True when the group has read past every one of these entries and none of them awaits an acknowledgement.</summary>
    public async Task<bool> AcknowledgedAsync(string group, params StreamEntry[] entries)
    {
        var database = redis.GetDatabase();
        var info = (await database.StreamGroupInfoAsync(Name)).Single(g => g.Name == group);
        if (entries.Any(e => Compare(e.Id, info.LastDeliveredId) > 0))
        {
            return false;
        }

        foreach (var entry in entries)
        {
            if ((await database.StreamPendingMessagesAsync(Name, group, 1, RedisValue.Null, entry.Id, entry.Id)).Length > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the group has this entry delivered and not yet acknowledged.</summary>
    public async Task<bool> IsPendingAsync(string group, StreamEntry entry) =>
        (await redis.GetDatabase().StreamPendingMessagesAsync(Name, group, 1, RedisValue.Null, entry.Id, entry.Id)).Length > 0;

    public static Guid EventId(StreamEntry entry) => Guid.Parse(entry[EventStreams.IdField].ToString());

    private async Task<StreamEntry[]> EntriesAsync(string stream, Guid[] eventIds)
    {
        var wanted = eventIds.Select(id => id.ToString()).ToHashSet();
        var entries = await redis.GetDatabase().StreamRangeAsync(stream);
        return [.. entries.Where(e => wanted.Contains(e[EventStreams.IdField].ToString()))];
    }

    /// <summary>Orders stream ids ("ms-seq") numerically.</summary>
    private static int Compare(RedisValue left, RedisValue right)
    {
        static (long Ms, long Seq) Parse(RedisValue id)
        {
            var parts = id.ToString().Split('-');
            return (long.Parse(parts[0]), long.Parse(parts[1]));
        }

        return Parse(left).CompareTo(Parse(right));
    }
}
