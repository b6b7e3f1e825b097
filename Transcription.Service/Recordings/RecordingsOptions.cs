using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>The section <c>Transcription:Recordings</c>: uploaded files and the worker that transcribes them.</summary>
public sealed class RecordingsOptions
{
    public const string Section = "Transcription:Recordings";

    /// <summary>The largest file an agent may upload.</summary>
    [Range(1, 1L << 40)]
    public long MaxBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>How long a worker's claim on a running job holds without news; each progress write renews it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A job whose worker died with it this many times is failed instead of claimed again (the file may be what kills it).</summary>
    [Range(1, 100)]
    public int MaxAbandonedRuns { get; set; } = 2;

    /// <summary>How often the worker looks for jobs when no upload woke it (uploads on other replicas, lapsed leases).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Debian's ffmpeg and ffprobe (package <c>ffmpeg</c>).</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    [Required]
    public string FfprobePath { get; set; } = "ffprobe";
}
