using AgentCalls.Calendar.Service.Data;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Tests;

/// <summary>The events Calendar.Service queued in its outbox, read back as their proto messages.</summary>
public static class Outbox
{
    /// <summary>Every <typeparamref name="T"/> in the outbox that <paramref name="belongs"/> to the test, oldest first.</summary>
    public static async Task<List<T>> ReadAsync<T>(IServiceProvider services, Func<T, bool> belongs) where T : IMessage<T>, new()
    {
        var type = new T().Descriptor.FullName;
        var payloads = await services.QueryAsync<CalendarDbContext, List<byte[]>>(db =>
            db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventType == type).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        var parser = new MessageParser<T>(() => new T());
        return [.. payloads.Select(p => parser.ParseFrom(p)).Where(belongs)];
    }
}
