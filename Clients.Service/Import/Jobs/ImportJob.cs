using AgentCalls.Clients.Service.Import.Upload;

namespace AgentCalls.Clients.Service.Import.Jobs;

/// <summary>
/// One uploaded CSV file and its runs. The worker claims a queued job with a lease (<see cref="LeaseToken"/>) it
/// renews after every committed batch; <see cref="RowsDone"/> and the counters are written in the same transaction as the batch,
/// so after a crash the job resumes right after the last committed batch.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid AgentId { get; init; }

    public required string FileName { get; init; }

    public long FileBytes { get; set; }

    public ImportStatus Status { get; set; } = ImportStatus.Uploaded;

    public bool DryRun { get; set; }

    public DuplicateMode DuplicateMode { get; set; } = DuplicateMode.Update;

    /// <summary>JSON array of <see cref="ImportColumn"/>: each column's header and the field it feeds.</summary>
    public required string Mapping { get; set; }

    public required char Delimiter { get; init; }

    /// <summary>The text encoding the file is read with, one of <see cref="CsvEncodings"/>' names.</summary>
    public string Encoding { get; set; } = CsvEncodings.Utf8;

    /// <summary>JSON array of <see cref="CsvEncodingOption"/>: the encodings the agent can pick, with the file's start read in each.</summary>
    public string EncodingOptions { get; set; } = "[]";

    public int TotalRows { get; set; }

    public int RowsDone { get; set; }

    public int ClientsCreated { get; set; }

    public int ClientsUpdated { get; set; }

    public int ClientsUnchanged { get; set; }

    public int PoliciesCreated { get; set; }

    public int PoliciesUpdated { get; set; }

    public int RowsFailed { get; set; }

    /// <summary>Values of imported rows that matched no known value and were filed as other, their text kept.</summary>
    public int ValuesFiledAsOther { get; set; }

    public string? Error { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>The running worker's claim; another worker may take the job over once it has passed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>
    /// Who holds the lease: a new token at every claim. Every write a worker makes to the job names its token, so a
    /// worker whose lease was taken over finds its writes refused and stops (fencing).
    /// </summary>
    public Guid? LeaseToken { get; set; }

    /// <summary>
    /// How many times in a row a worker died holding this job before it committed a batch: the job is failed when it
    /// reaches <see cref="ImportOptions.MaxAbandonedRuns"/>, so a file that brings its worker down cannot do so forever.
    /// </summary>
    public int AbandonedRuns { get; set; }

    /// <summary>When the stored file was removed (<see cref="ImportOptions.FileRetention"/>); the import can no longer start.</summary>
    public DateTimeOffset? FileRemovedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public enum ImportStatus
{
    Uploaded,
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public enum DuplicateMode
{
    Update,
    Skip,
}

/// <summary>A piece of an uploaded file, in order: the file lives in the database, so any replica can run the job.</summary>
public sealed class ImportFileChunk
{
    public required Guid ImportId { get; init; }

    public required int Sequence { get; init; }

    public required byte[] Data { get; init; }
}

/// <summary>Why one row of a file was refused.</summary>
public sealed class ImportRowError
{
    public long Id { get; init; }

    public required Guid ImportId { get; init; }

    public required int Line { get; init; }

    public string? Column { get; init; }

    public required string Reason { get; init; }

    /// <summary>The row was imported: the value was filed as other, its text kept.</summary>
    public bool Kept { get; init; }
}

/// <summary>What the last run did (or would do) to one client among the first rows of the file.</summary>
public sealed class ImportPreviewRow
{
    public required Guid ImportId { get; init; }

    public required int Line { get; init; }

    public required string DisplayName { get; init; }

    public required string Action { get; init; }

    public Guid? ClientId { get; init; }

    public int PolicyCount { get; init; }
}
