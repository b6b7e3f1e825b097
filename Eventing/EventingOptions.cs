using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Eventing;

/// <summary>Timing of the outbox relay and the stream consumers (section "Eventing").</summary>
public sealed class EventingOptions
{
    public const string SectionName = "Eventing";

    /// <summary>The consumer group this service reads as; defaults to the application name.</summary>
    public string? ServiceName { get; set; }

    /// <summary>How often the relay and consumers look for work when nothing woke them.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many outbox rows the relay publishes per transaction (an import queues thousands per batch).</summary>
    [Range(1, 10_000)]
    public int RelayBatchSize { get; set; } = 1000;

    /// <summary>A delivered event not acknowledged for this long is taken over by a live consumer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed deliveries an event goes to its dead-letter stream.</summary>
    [Range(1, 1000)]
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>Published outbox rows and inbox rows are deleted after this long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Approximate length each stream is trimmed to.</summary>
    [Range(1000, 100_000_000)]
    public int StreamMaxLength { get; set; } = 1_000_000;
}
