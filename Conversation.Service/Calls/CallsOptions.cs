using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>How live calls run.</summary>
public sealed class CallsOptions
{
    public const string SectionName = "Calls";

    /// <summary>A live call with no connection for this long ends itself and is logged with its draft.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>An ended call nobody saves is logged with its draft after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan UnsavedTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// This service's secret as the client <c>agentcalls-conversation</c> at Identity (client credentials, scope
    /// transcription.stream): Transcription opens live streams for this client only. Empty: calls are not transcribed.
    /// </summary>
    public string ServiceClientSecret { get; set; } = "";

    /// <summary>
    /// How often calls are closed from the database, and calls followed here are marked as followed: a quarter of the
    /// shorter timeout (so a followed call is marked well within its idle timeout), at most 30 s.
    /// </summary>
    public TimeSpan SweepInterval =>
        TimeSpan.FromTicks(Math.Min(Math.Min(IdleTimeout.Ticks, UnsavedTimeout.Ticks) / 4, TimeSpan.FromSeconds(30).Ticks));
}
