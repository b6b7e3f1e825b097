using AgentCalls.Calendar.Service.CalendarEvents;

namespace AgentCalls.Calendar.Service.Providers;

/// <summary>The embedded calendar: its events are the rows in calendardb, so there is nothing to do elsewhere.</summary>
public sealed class LocalCalendarProvider : ICalendarProvider
{
    public const string ProviderName = "local";

    public string Name => ProviderName;

    public Task CreateAsync(string providerEventId, CallDraft draft, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MoveAsync(CachedEvent call, DateTimeOffset start, DateTimeOffset end, string timeZone, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteAsync(CachedEvent call, CancellationToken cancellationToken) => Task.CompletedTask;
}
