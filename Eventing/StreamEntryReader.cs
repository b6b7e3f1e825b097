using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace AgentCalls.Eventing;

/// <summary>The fields of one stream entry, as the relay wrote them.</summary>
internal sealed record StreamEntryFields(Guid EventId, DateTimeOffset OccurredAt, byte[] Payload, ActivityContext Parent)
{
    public static StreamEntryFields? Read(StreamEntry entry)
    {
        var id = entry[EventStreams.IdField];
        var payload = entry[EventStreams.PayloadField];
        if (!Guid.TryParse(id.ToString(), out var eventId) || payload.IsNull)
        {
            return null;
        }

        var occurredAt = DateTimeOffset.TryParse(entry[EventStreams.OccurredAtField].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue;
        ActivityContext.TryParse(entry[EventStreams.TraceParentField].ToString(), null, out var parent);
        return new StreamEntryFields(eventId, occurredAt, (byte[])payload!, parent);
    }
}
