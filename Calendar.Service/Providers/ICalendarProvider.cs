using AgentCalls.Calendar.Service.CalendarEvents;

namespace AgentCalls.Calendar.Service.Providers;

/// <summary>
/// Where an agent's calls are written: the local calendar (calendardb alone) or Google Calendar. The cached row is
/// written by the caller, in the transaction that also queues the event, once the provider has the change.
/// </summary>
public interface ICalendarProvider
{
    /// <summary>"local" or "google", as stored in <see cref="CachedEvent.Provider"/>.</summary>
    string Name { get; }

    /// <summary>Creates the call under a caller-chosen id; creating it again under that id returns the first one.</summary>
    Task CreateAsync(string providerEventId, CallDraft draft, CancellationToken cancellationToken);

    /// <summary>Moves the call; throws <see cref="ProviderEventGoneException"/> when it was deleted at the provider.</summary>
    Task MoveAsync(CachedEvent call, DateTimeOffset start, DateTimeOffset end, string timeZone, CancellationToken cancellationToken);

    /// <summary>Removes the call; one already gone at the provider is fine.</summary>
    Task DeleteAsync(CachedEvent call, CancellationToken cancellationToken);
}

/// <summary>A call as it is put on a calendar.</summary>
public sealed record CallDraft(
    string Title, string Description, DateTimeOffset Start, DateTimeOffset End, string TimeZone, int ReminderMinutes,
    Guid ClientId, string ClientName, string ClientPhone);

/// <summary>The event was deleted at the provider (by the agent, in Google Calendar) before this change reached it.</summary>
public sealed class ProviderEventGoneException() : Exception("The event no longer exists at the provider.");
