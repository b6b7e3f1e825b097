using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Clients.Service.CallQueue;

/// <summary>How the call queue is ranked ahead of the agents' days (section "CallQueue").</summary>
public sealed class CallQueueOptions
{
    public const string SectionName = "CallQueue";

    /// <summary>
    /// How often <see cref="CallQueuePreranker"/> looks for agents whose day has turned since their book was ranked: an
    /// agent's first read of a day comes at most this long after their midnight to find the ranking still yesterday's.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan PrerankInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Agents ranked per pass at most; a full pass is followed at once by another, so a pass stays short.</summary>
    [Range(1, 10_000)]
    public int PrerankBatchSize { get; set; } = 20;
}
