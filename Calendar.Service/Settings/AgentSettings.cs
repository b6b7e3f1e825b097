namespace AgentCalls.Calendar.Service.Settings;

/// <summary>An agent's scheduling settings; an agent without a row has <see cref="Defaults"/>.</summary>
public sealed class AgentSettings
{
    public required Guid AgentId { get; init; }

    /// <summary>IANA time zone id.</summary>
    public required string TimeZone { get; set; }

    public List<WorkingDay> WorkingHours { get; set; } = [];

    public int CallLengthMinutes { get; set; }

    public int BufferMinutes { get; set; }

    public int ReminderMinutes { get; set; }

    /// <summary>Null while the agent has not changed the defaults.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Monday to Friday, 9:00 to 17:00 UTC, 30-minute calls with 10 minutes between, reminded 10 minutes before.</summary>
    public static AgentSettings Defaults(Guid agentId) => new()
    {
        AgentId = agentId,
        TimeZone = "UTC",
        WorkingHours = [.. Enumerable.Range(1, 5).Select(d => new WorkingDay((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
        CallLengthMinutes = 30,
        BufferMinutes = 10,
        ReminderMinutes = 10,
    };
}

/// <summary>The hours of one working day, [Start, End) in the agent's zone; an End of 00:00 means midnight at the day's end.</summary>
public sealed record WorkingDay(DayOfWeek Day, TimeOnly Start, TimeOnly End);
