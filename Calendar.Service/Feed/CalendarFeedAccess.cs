namespace AgentCalls.Calendar.Service.Feed;

/// <summary>An agent's private iCalendar feed: the unguessable token in its address. Regenerating replaces the token.</summary>
public sealed class CalendarFeedAccess
{
    public required Guid AgentId { get; init; }

    public required string Token { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
