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
}
