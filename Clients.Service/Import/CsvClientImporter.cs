using AgentCalls.Clients.Service.Settings;
using AgentCalls.Eventing;
using System.Threading.Channels;
using CsvHelper;
using Microsoft.Extensions.Options;
using Npgsql;
using AgentCalls.Clients.Service.Import.DryRun;
using AgentCalls.Clients.Service.Import.Jobs;
using AgentCalls.Clients.Service.Import.Mapping;
using AgentCalls.Clients.Service.Import.Merge;
using AgentCalls.Clients.Service.Import.Upload;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.Import;

/// <summary>
/// Runs one claimed import: streams the stored file through CsvHelper, checks each row, and merges the accepted rows
/// batch by batch (the next batch is read while the current one merges), each batch in one transaction with its progress (rows done, counters, errors, preview) and, for
/// real runs, its events (a <c>ClientUpdated</c> or <c>PolicyChanged</c> for every client and policy it wrote, and
/// the batch's <c>ClientsImported</c>). A real run takes the agent's import lock per batch, so batches of one agent's
/// imports merge one at a time and each matches what the others committed; resumed after a crash, it skips the rows
/// already committed. A dry run merges into a private copy of the agent's book (<see cref="ImportDryRunBook"/>), so its counts
/// are a real run's and the live book is neither changed nor locked. Every write to the job checks the worker's
/// lease (<see cref="ImportLease"/>); cancellation is checked between batches.
/// </summary>
public sealed partial class CsvClientImporter(
    ImportDatabase database, BookSettingsStore settings, IOptions<ImportOptions> options, OutboxSignal outbox, TimeProvider time, ILogger<CsvClientImporter> logger)
{
    public async Task<ImportStatus> RunAsync(ImportJob job, ImportLease lease, CancellationToken cancellationToken)
    {
        await using var work = await database.OpenAsync(cancellationToken);
        var progress = await StartProgressAsync(work, job, lease, cancellationToken);
        if (!job.DryRun)
        {
            return await MergeFileAsync(work, job, progress, cancellationToken);
        }

        try
        {
            await ImportDryRunBook.CopyAsync(work, job.AgentId, cancellationToken);
            return await MergeFileAsync(work, job, progress, cancellationToken);
        }
        finally
        {
            await ImportDryRunBook.DiscardAsync(work);
        }
    }

    private async Task<ImportStatus> MergeFileAsync(NpgsqlConnection work, ImportJob job, ImportProgress progress, CancellationToken cancellationToken)
    {
        var book = await settings.GetAsync(job.AgentId, cancellationToken);
        var reader = new ImportRowReader(ImportMapping.Deserialize(job.Mapping), book.Region, TimeZones.Today(book.TimeZone, time.GetUtcNow()));
        await using var fileConnection = await database.OpenAsync(cancellationToken);
        await using var csv = CsvReader.Create(
            new ImportFileStream(fileConnection, job.Id),
            CsvFiles.ReaderOptions(job.Delimiter) with { Encoding = CsvEncodings.Get(job.Encoding), MaxRecordSize = options.Value.MaxRecordBytes });

        // The next batch is read and checked while this one merges (the file on one core, Postgres on another). The
        // channel holds one batch, so at most three are in memory (merging, waiting, being read), whatever the file's size.
        var batches = Channel.CreateBounded<ReadBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadBatchesAsync(csv, reader, job.RowsDone, batches.Writer, stopReading.Token), CancellationToken.None);
        try
        {
            var run = new Run(job, work, progress, book.TimeZone);
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                if (await CommitAsync(run, batch, cancellationToken) == ImportStatus.Cancelled)
                {
                    return ImportStatus.Cancelled;
                }
            }

            // The reader's own failure (a record past the size limit, after the rows before it were committed).
            await reading;
            return ImportStatus.Succeeded;
        }
        finally
        {
            await stopReading.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Reads the file into batches of <see cref="ImportOptions.BatchSize"/> rows, grouped into clients, skipping the
    /// rows a resumed job has already committed; the last batch is written even when empty, so rows done reaches the end.
    /// </summary>
    private async Task ReadBatchesAsync(CsvReader csv, ImportRowReader reader, int rowsDone, ChannelWriter<ReadBatch> batches, CancellationToken cancellationToken)
    {
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            var headerFields = csv.Headers.Count;
            var batch = new ReadBatch();
            var consumed = 0;
            while (await ReadAsync(csv, batch, consumed, batches, cancellationToken))
            {
                if (++consumed <= rowsDone)
                {
                    continue;
                }

                var record = new string[csv.FieldCount];
                for (var i = 0; i < record.Length; i++)
                {
                    record[i] = csv.GetString(i) ?? "";
                }

                var errors = new List<ImportCellError>();
                var row = record.Skip(headerFields).Any(field => field.Trim().Length > 0)
                    ? Refuse(record, headerFields, (int)csv.LineNumber, errors)
                    : reader.Read(record, (int)csv.LineNumber, errors);
                if (batch.IsFull(options.Value.BatchSize, row))
                {
                    await batches.WriteAsync(batch.Seal(consumed - 1), cancellationToken);
                    batch = new ReadBatch();
                }

                batch.Add(row, errors);
            }

            await batches.WriteAsync(batch.Seal(consumed), cancellationToken);
        }
        finally
        {
            batches.TryComplete();
        }
    }

    /// <summary>The next record; one past the size limit ends the import after the rows before it are committed whole.</summary>
    private async Task<bool> ReadAsync(CsvReader csv, ReadBatch batch, int consumed, ChannelWriter<ReadBatch> batches, CancellationToken cancellationToken)
    {
        try
        {
            return await csv.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException)
        {
            await batches.WriteAsync(batch.Seal(consumed), cancellationToken);
            throw new ImportFileRejectedException(
                $"The record after row {consumed} is longer than {options.Value.MaxRecordBytes / 1024} KiB, most often a quote that is never " +
                "closed. The rows before it were imported; correct the file and import it again.");
        }
    }

    /// <summary>
    /// A row with more fields than the header, most often a value holding the delimiter without quotes ("$1,284.00",
    /// "Smith, John"): every field after it has moved one column, so it is refused as that, not field by field.
    /// </summary>
    private static ImportRow? Refuse(string[] record, int headerFields, int line, List<ImportCellError> errors)
    {
        errors.Add(new ImportCellError(line, null,
            $"has {record.Length} fields, the header has {headerFields}: a value holding the delimiter needs quotes around it."));
        return null;
    }

    private async Task<ImportProgress> StartProgressAsync(NpgsqlConnection connection, ImportJob job, ImportLease lease, CancellationToken cancellationToken)
    {
        if (job.DryRun || job.RowsDone == 0)
        {
            // A dry run never resumes: its copy of the book went with the connection that held it.
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await lease.WriteAsync(connection, """
                    UPDATE imports SET rows_done = 0, clients_created = 0, clients_updated = 0, clients_unchanged = 0, policies_created = 0,
                      policies_updated = 0, rows_failed = 0, values_filed_as_other = 0 WHERE id = @lease_import AND lease_token = @lease_token
                    """, cancellationToken);
                await ImportDatabase.ExecuteAsync(connection, """
                    DELETE FROM import_errors WHERE import_id = @id;
                    DELETE FROM import_preview WHERE import_id = @id;
                    """, cancellationToken, ("id", job.Id));
                await transaction.CommitAsync(cancellationToken);
            }

            job.RowsDone = 0;
            return new ImportProgress(lease, 0, 0, options.Value);
        }

        await using var count = ImportDatabase.Command(connection,
            "SELECT (SELECT count(*)::int FROM import_errors WHERE import_id = @id), (SELECT count(*)::int FROM import_preview WHERE import_id = @id)", ("id", job.Id));
        await using var counts = await count.ExecuteReaderAsync(cancellationToken);
        await counts.ReadAsync(cancellationToken);
        return new ImportProgress(lease, counts.GetInt32(0), counts.GetInt32(1), options.Value);
    }

    /// <summary>Merges and records the batch; answers Cancelled when the agent asked to stop.</summary>
    private async Task<ImportStatus> CommitAsync(Run run, ReadBatch batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var context = new MergeContext(run.Job.AgentId, run.Job.Id, now, run.Today(now), run.Job.DuplicateMode == DuplicateMode.Skip);
        await using (var transaction = await run.Work.BeginTransactionAsync(cancellationToken))
        {
            if (!run.Job.DryRun)
            {
                await ImportMerger.LockBookAsync(run.Work, run.Job.AgentId, cancellationToken);
            }

            if (run.BookOutgrewStatistics())
            {
                // The match probes pick their indexes by the statistics; a book that doubled since they were taken
                // looks small to the planner, which then scans it per staged row. Only the columns the probes filter
                // on: the search columns' statistics (tsvector, trigram text, tags) were most of a full ANALYZE's cost.
                await ImportDatabase.ExecuteAsync(run.Work, "ANALYZE clients (agent_id, external_id, email, phones), policies (agent_id, policy_number)",
                    cancellationToken);
            }

            var outcome = await ImportMerger.MergeAsync(run.Work, batch.Clients, context, run.Progress.PreviewWanted, cancellationToken);
            run.Created += outcome.ClientsCreated;
            // Fenced by the lease: a worker that has been taken over stops here, and its batch rolls back.
            await run.Progress.RecordAsync(run.Work, batch.RowsDone, outcome, batch.Errors, (batch.Failed, batch.FiledAsOther), now, cancellationToken);
            if (!run.Job.DryRun)
            {
                await run.Progress.AddEventAsync(run.Work, run.Job.AgentId, outcome, now, cancellationToken);
                await outcome.Journal.QueueEventsAsync(run.Work, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (!run.Job.DryRun)
        {
            outbox.Notify();
        }

        LogBatch(logger, run.Job.Id, batch.RowsDone, batch.Rows.Count, batch.Failed);
        return await run.Progress.Lease.CancelRequestedAsync(run.Work, cancellationToken) ? ImportStatus.Cancelled : ImportStatus.Running;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Import {ImportId}: {RowsDone} rows done ({Accepted} accepted, {Failed} refused in the batch).")]
    private static partial void LogBatch(ILogger logger, Guid importId, int rowsDone, int accepted, int failed);

    /// <summary>The state of one run that outlives its batches: its job, connection and progress, and the clients it created.</summary>
    private sealed class Run(ImportJob job, NpgsqlConnection work, ImportProgress progress, string timeZone)
    {
        public ImportJob Job => job;

        public NpgsqlConnection Work => work;

        public ImportProgress Progress => progress;

        /// <summary>Clients this run has created so far.</summary>
        public int Created { get; set; }

        private int createdAtLastAnalyze;

        /// <summary>Whether this run has at least doubled the clients it had created when statistics were last taken.</summary>
        public bool BookOutgrewStatistics()
        {
            if (Created == 0 || Created < 2 * createdAtLastAnalyze)
            {
                return false;
            }

            createdAtLastAnalyze = Created;
            return true;
        }

        public DateOnly Today(DateTimeOffset now) => TimeZones.Today(timeZone, now);
    }

    /// <summary>One batch as read from the file: its accepted rows, grouped into clients once full, and its refused rows' errors.</summary>
    private sealed class ReadBatch
    {
        public List<ImportRow> Rows { get; } = [];

        /// <summary>The batch's refused rows' errors and its accepted rows' values filed as other, in file order.</summary>
        public List<ImportCellError> Errors { get; } = [];

        public int Failed { get; private set; }

        public int FiledAsOther { get; private set; }

        /// <summary>Rows of the file, blank and refused ones included, up to the end of this batch: the job's rows done once it commits.</summary>
        public int RowsDone { get; private set; }

        public ImportBatch Clients { get; private set; } = null!;

        /// <summary>
        /// Whether to end the batch before <paramref name="next"/>: it is full and the next row is not the same client
        /// as the last (an export lists a client's rows together; keeping them in one batch keeps them one client
        /// even when nothing but the row order ties them), or it has grown to twice its size regardless.
        /// </summary>
        public bool IsFull(int batchSize, ImportRow? next)
        {
            var size = Rows.Count + Failed;
            return size >= 2 * batchSize || (size >= batchSize && !SameClient(Rows.LastOrDefault(), next));
        }

        public void Add(ImportRow? row, List<ImportCellError> errors)
        {
            Errors.AddRange(errors);
            if (row is not null)
            {
                Rows.Add(row);
                FiledAsOther += errors.Count;
            }
            else if (errors.Count > 0)
            {
                Failed++;
            }
        }

        /// <summary>Ends the batch at row <paramref name="rowsDone"/> of the file and groups its rows into clients, on the reading side.</summary>
        public ReadBatch Seal(int rowsDone)
        {
            RowsDone = rowsDone;
            Clients = ImportBatch.Group(Rows);
            return this;
        }

        private static bool SameClient(ImportRow? last, ImportRow? next) =>
            last is not null && next is not null
            && ((last.ClientRef is not null && last.ClientRef == next.ClientRef)
                || (last.ExternalId is not null && last.ExternalId == next.ExternalId)
                || (last.Email is not null && last.Email == next.Email));
    }
}
