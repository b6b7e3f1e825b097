namespace AgentCalls.Clients.Service.Calls;

/// <summary>A call with a client on the agent's calendar, as Calendar.Service announced it.</summary>
public sealed class ScheduledCall
{
    public required Guid AgentId { get; init; }

    /// <summary>Calendar's event id.</summary>
    public required string EventId { get; init; }

    public required Guid ClientId { get; set; }

    public required DateTimeOffset StartsAt { get; set; }
}
