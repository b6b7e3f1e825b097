namespace AgentCalls.Calendar.Service.Events;

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

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
