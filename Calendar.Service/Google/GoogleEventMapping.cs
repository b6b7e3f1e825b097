using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Calendar.Service.Providers;
using NodaTime;
using NodaTime.Text;

namespace AgentCalls.Calendar.Service.Google;

/// <summary>
/// Between Google's Event resource and a cached row. A call AgentCalls made carries its client in the event's
/// private extended properties, so a sync keeps knowing which events are calls, with whom.
/// </summary>
public static class GoogleEventMapping
{
    public const string ClientIdProperty = "agentcallsClientId";
    public const string ClientNameProperty = "agentcallsClientName";
    public const string ClientPhoneProperty = "agentcallsClientPhone";
    private const int GoogleDefaultReminderMinutes = 10;

    public static GoogleEventResource ToResource(CallDraft draft) => new()
    {
        Summary = draft.Title,
        Description = draft.Description,
        Start = Time(draft.Start, draft.TimeZone),
        End = Time(draft.End, draft.TimeZone),
        Reminders = new GoogleReminders { UseDefault = false, Overrides = draft.ReminderMinutes > 0 ? [new GoogleReminder("popup", draft.ReminderMinutes)] : [] },
        ExtendedProperties = new GoogleExtendedProperties
        {
            Private = new()
            {
                [ClientIdProperty] = draft.ClientId.ToString(),
                [ClientNameProperty] = draft.ClientName,
                [ClientPhoneProperty] = draft.ClientPhone,
            },
        },
    };

    /// <summary>An instant as Google wants it: the wall-clock time with its offset, and the zone it belongs to.</summary>
    public static GoogleEventTime Time(DateTimeOffset instant, string timeZone)
    {
        var zone = DateTimeZoneProviders.Tzdb[timeZone];
        var offset = zone.GetUtcOffset(Instant.FromDateTimeOffset(instant)).ToTimeSpan();
        return new GoogleEventTime { DateTime = instant.ToOffset(offset), TimeZone = timeZone };
    }

    /// <summary>The row for a live event; all-day dates are midnights in the event's (or the calendar's) time zone.</summary>
    public static CachedEvent ToRow(GoogleEventResource item, Guid agentId, string calendarId, string calendarZone, long generation, DateTimeOffset now)
    {
        var properties = item.ExtendedProperties?.Private ?? [];
        var clientId = properties.TryGetValue(ClientIdProperty, out var id) && Guid.TryParse(id, out var parsed) ? parsed : (Guid?)null;
        return new CachedEvent
        {
            AgentId = agentId,
            Provider = GoogleCalendarProvider.ProviderName,
            CalendarId = calendarId,
            ProviderEventId = item.Id,
            Title = Truncate(item.Summary is { Length: > 0 } summary ? summary : "(No title)", 1000),
            Description = item.Description is null ? null : Truncate(item.Description, 8000),
            StartsAt = ReadInstant(item.Start, calendarZone),
            EndsAt = ReadInstant(item.End, calendarZone),
            AllDay = item.Start?.Date is not null,
            Busy = item.Transparency != "transparent" && item.Attendees?.Any(a => a.Self && a.ResponseStatus == "declined") != true,
            ReminderMinutes = item.Reminders switch
            {
                { UseDefault: true } => GoogleDefaultReminderMinutes,
                { Overrides: { Count: > 0 } overrides } => overrides.Min(o => o.Minutes),
                _ => 0,
            },
            ClientId = clientId,
            ClientName = clientId is null ? null : Truncate(properties.GetValueOrDefault(ClientNameProperty) ?? "", 200),
            ClientPhone = clientId is null ? null : Truncate(properties.GetValueOrDefault(ClientPhoneProperty) ?? "", 32),
            SyncGeneration = generation,
            UpdatedAt = now,
        };
    }

    private static DateTimeOffset ReadInstant(GoogleEventTime? time, string calendarZone)
    {
        if (time?.DateTime is { } dateTime)
        {
            return dateTime.ToUniversalTime();
        }

        var date = LocalDatePattern.Iso.Parse(time?.Date ?? "").GetValueOrThrow();
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(time?.TimeZone ?? calendarZone) ?? DateTimeZone.Utc;
        return zone.AtStartOfDay(date).ToDateTimeOffset().ToUniversalTime();
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
