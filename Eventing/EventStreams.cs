namespace AgentCalls.Eventing;

/// <summary>Names and fields of the Redis streams events travel on: one stream per event type.</summary>
public static class EventStreams
{
    /// <summary>Pub/sub channel the relay pings after publishing, so consumers need not wait for their next poll.</summary>
    public const string NotifyChannel = "events:published";

    public const string IdField = "id";
    public const string TypeField = "type";
    public const string PayloadField = "payload";
    public const string OccurredAtField = "occurred_at";
    public const string TraceParentField = "traceparent";

    public static string For(string eventType) => $"events:{eventType}";

    public static string DeadLetterFor(string eventType) => $"events:dead:{eventType}";
}
