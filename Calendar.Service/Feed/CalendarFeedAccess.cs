namespace AgentCalls.Calendar.Service.Feed;

/// <summary>
/// An agent's private iCalendar feed: the hash of the unguessable token in its address (the token itself is shown to
/// the agent once, when made). Regenerating replaces the token.
/// </summary>
public sealed class CalendarFeedAccess
{
    public required Guid AgentId { get; init; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
