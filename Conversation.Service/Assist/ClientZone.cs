using NodaTime;

namespace AgentCalls.Conversation.Service.Assist;

/// <summary>The client's time zone for the assistant's days and times.</summary>
public static class ClientZone
{
    /// <summary>The named IANA zone; UTC when the client has none or an unknown one (a proposal shows its zone, so the agent sees it).</summary>
    public static DateTimeZone Of(string timeZone) =>
        timeZone.Length > 0 && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is { } zone ? zone : DateTimeZone.Utc;
}
