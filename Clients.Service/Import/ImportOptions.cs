using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Clients.Service.Import;

/// <summary>How imports are stored and run (section "Import").</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>The largest file an upload takes.</summary>
    [Range(1024L, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 4L * 1024 * 1024 * 1024;

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
