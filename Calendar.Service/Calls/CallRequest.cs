namespace AgentCalls.Calendar.Service.Calls;

/// <summary>A ScheduleCall request already carried out: its request id names the event it made, so a retry makes no other.</summary>
public sealed class CallRequest
{
    public required Guid AgentId { get; init; }

    public required string RequestId { get; init; }

    public required Guid EventId { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
