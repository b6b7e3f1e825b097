namespace AgentCalls.Calendar.Service.CalendarEvents;

/// <summary>
/// An event on an agent's calendar, as last seen at its provider: the local calendar or Google Calendar.
/// Reads are served from these rows and never wait on the provider.
/// </summary>
public sealed class CachedEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid AgentId { get; init; }

    /// <summary>"local" or "google".</summary>
    public required string Provider { get; init; }

    /// <summary>The calendar at the provider ("primary" for Google's main calendar).</summary>
    public string CalendarId { get; init; } = "primary";

    /// <summary>The provider's id for the event; null for events only the local calendar holds.</summary>
    public string? ProviderEventId { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The client a scheduled call is with.</summary>
    public Guid? ClientId { get; set; }

    /// <summary>The client's name when the call was scheduled.</summary>
    public string? ClientName { get; set; }

    /// <summary>The number to call (E.164).</summary>
    public string? ClientPhone { get; set; }

    /// <summary>The event's description (for calls: whom to call, the number, the link to the client, notes).</summary>
    public string? Description { get; set; }

    /// <summary>The event lasts whole days.</summary>
    public bool AllDay { get; set; }

    /// <summary>The event blocks its time; false for events marked free, or declined.</summary>
    public bool Busy { get; set; } = true;

    /// <summary>Minutes before the start the agent is reminded; 0 for none.</summary>
    public int ReminderMinutes { get; set; }

    /// <summary>For scheduled calls: when the call was held (its log was saved in Conversation); null until then.</summary>
    public DateTimeOffset? HeldAt { get; set; }

    /// <summary>The log of the call that held this scheduled call.</summary>
    public Guid? CallLogId { get; set; }

    /// <summary>For Google events, the full sync that last saw the event; rows a full sync did not see are removed.</summary>
    public long SyncGeneration { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
