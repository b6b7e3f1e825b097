namespace AgentCalls.Clients.Service.Settings;

/// <summary>One agent's rules for the call queue and defaults for the book; an agent without a row has the defaults.</summary>
public sealed class BookSettings
{
    public const int DefaultRenewalWindowDays = 45;
    public const int DefaultContactIntervalDays = 180;
    public const int DefaultLapseWindowDays = 90;
    public const string DefaultTimeZone = "UTC";
    public const string DefaultRegion = "US";

    public required Guid AgentId { get; init; }

    public int RenewalWindowDays { get; set; } = DefaultRenewalWindowDays;

    public int ContactIntervalDays { get; set; } = DefaultContactIntervalDays;

    public int LapseWindowDays { get; set; } = DefaultLapseWindowDays;

    /// <summary>IANA name; decides what "today" is for the agent.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>Where phone numbers without a country code are read.</summary>
    public string Region { get; set; } = DefaultRegion;
}
