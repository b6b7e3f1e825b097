using System.Text.Json.Serialization;

namespace AgentCalls.Calendar.Service.Google;

/// <summary>The parts of Google Calendar's Event resource AgentCalls reads and writes.</summary>
public sealed class GoogleEventResource
{
    public string? Id { get; set; }

    public string? Status { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public GoogleEventTime? Start { get; set; }

    public GoogleEventTime? End { get; set; }

    public string? RecurringEventId { get; set; }

    /// <summary>"transparent" for events that do not block time.</summary>
    public string? Transparency { get; set; }

    public GoogleReminders? Reminders { get; set; }

    public GoogleExtendedProperties? ExtendedProperties { get; set; }

    public List<GoogleAttendee>? Attendees { get; set; }

    [JsonIgnore]
    public bool IsCancelled => Status == "cancelled";
}

/// <summary>A start or end: an instant with its zone, or a date for all-day events.</summary>
public sealed class GoogleEventTime
{
    public DateTimeOffset? DateTime { get; set; }

    /// <summary>yyyy-MM-dd, for all-day events.</summary>
    public string? Date { get; set; }

    public string? TimeZone { get; set; }
}

public sealed class GoogleReminders
{
    public bool UseDefault { get; set; }

    public List<GoogleReminder>? Overrides { get; set; }
}

public sealed record GoogleReminder(string Method, int Minutes);

/// <summary>Properties only this app reads: the client a call is with, so a sync knows its own calls.</summary>
public sealed class GoogleExtendedProperties
{
    public Dictionary<string, string>? Private { get; set; }
}

public sealed class GoogleAttendee
{
    public bool Self { get; set; }

    public string? ResponseStatus { get; set; }
}

/// <summary>One page of events.list.</summary>
public sealed class GoogleEventPage
{
    public List<GoogleEventResource> Items { get; set; } = [];

    public string? NextPageToken { get; set; }

    public string? NextSyncToken { get; set; }

    public string? TimeZone { get; set; }
}

/// <summary>A push channel, as events.watch answers.</summary>
public sealed class GoogleChannel
{
    public string Id { get; set; } = "";

    public string ResourceId { get; set; } = "";

    /// <summary>Milliseconds since the Unix epoch, as a string.</summary>
    public string? Expiration { get; set; }
}
