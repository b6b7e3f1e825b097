using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Clients.Service.Import;

/// <summary>How imports are stored and run (section "Import").</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>
    /// The largest file an upload takes: a book of a few hundred thousand clients is tens of megabytes. The gateway's
    /// <c>clients-import-upload</c> route has the same limit, so an agent meets this one's message.
    /// </summary>
    [Range(1024L, 16L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>An upload slower than this (after <see cref="UploadGracePeriod"/>) is cut off, so a trickle cannot hold it open.</summary>
    [Range(0, 100 * 1024 * 1024)]
    public double MinUploadBytesPerSecond { get; set; } = 8 * 1024;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan UploadGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Uploads one agent may have in progress at once, per process.</summary>
    [Range(1, 100)]
    public int MaxConcurrentUploadsPerAgent { get; set; } = 2;

    /// <summary>Bytes of import files one agent may keep stored (files are removed when imported or after <see cref="FileRetention"/>).</summary>
    [Range(1024L, long.MaxValue)]
    public long MaxStoredBytesPerAgent { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Imports one agent may have queued or running at once.</summary>
    [Range(1, 1000)]
    public int MaxQueuedPerAgent { get; set; } = 3;

    /// <summary>
    /// How long a file that was never imported for real (uploaded and not started, dry-run, failed or cancelled) is kept
    /// after its last use; then it is removed and the import record stays.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan FileRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often files past <see cref="FileRetention"/> are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Imports run at once per process; one agent's imports take one at a time, so another agent's never waits behind them.</summary>
    [Range(1, 16)]
    public int Workers { get; set; } = 2;

    /// <summary>A job whose worker died this many times in a row without committing a batch is failed instead of claimed again.</summary>
    [Range(1, 100)]
    public int MaxAbandonedRuns { get; set; } = 2;

    /// <summary>
    /// The longest record the import reads, in bytes. A book's row is a few hundred bytes; a quote left open at the
    /// start of a large file would otherwise make one record of the whole file inside the service's memory.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRecordBytes { get; set; } = 64 * 1024;

    /// <summary>The most columns a file's header may name: a book has a few dozen, and every GetImport returns them.</summary>
    [Range(1, 10_000)]
    public int MaxColumns { get; set; } = 200;

    /// <summary>Rows merged per transaction: a crash loses at most the batch in flight, which is rolled back whole.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>How often the worker looks for queued imports when nothing woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a running import stays claimed without a committed batch before another worker may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Refused rows kept per import for the error report (all are counted).</summary>
    [Range(1, 1_000_000)]
    public int MaxStoredErrors { get; set; } = 10_000;

    /// <summary>Clients from the start of the file kept in the preview.</summary>
    [Range(0, 10_000)]
    public int PreviewClients { get; set; } = 100;
}
