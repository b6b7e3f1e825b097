using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Eventing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using NpgsqlTypes;
using AgentCalls.Clients.Service.Import.Mapping;
using AgentCalls.Clients.Service.Import.Merge;

namespace AgentCalls.Clients.Service.Import.Jobs;

/// <summary>
/// What a running import records about itself: progress and counters (renewing its lease), refused rows (up to a
/// limit), preview rows and, for real runs, the <c>ClientsImported</c> event. These are written in the batch's own
/// transaction, so progress never claims a batch that did not commit, and only while the worker's lease holds: a
/// worker that has been taken over gets <see cref="ImportLeaseLostException"/> and its batch rolls back.
/// </summary>
public sealed class ImportProgress(ImportLease lease, int storedErrors, int storedPreview, ImportOptions options)
{
    private readonly Guid importId = lease.ImportId;

    public ImportLease Lease => lease;

    private int storedErrors = storedErrors;
    private int storedPreview = storedPreview;

    public int PreviewWanted => Math.Max(0, options.PreviewClients - storedPreview);

    public async Task RecordAsync(
        NpgsqlConnection connection, int rowsDone, BatchOutcome outcome, IReadOnlyList<ImportCellError> errors, (int RowsFailed, int FiledAsOther) counts,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await lease.WriteAsync(connection, """
            UPDATE imports SET rows_done = @done, clients_created = clients_created + @created, clients_updated = clients_updated + @updated,
              clients_unchanged = clients_unchanged + @unchanged, policies_created = policies_created + @policiesCreated,
              policies_updated = policies_updated + @policiesUpdated, rows_failed = rows_failed + @failed,
              values_filed_as_other = values_filed_as_other + @filedAsOther, lease_expires_at = @lease, abandoned_runs = 0
            WHERE id = @lease_import AND lease_token = @lease_token
            """, cancellationToken,
            ("done", rowsDone), ("created", outcome.ClientsCreated), ("updated", outcome.ClientsUpdated), ("unchanged", outcome.ClientsUnchanged),
            ("policiesCreated", outcome.PoliciesCreated), ("policiesUpdated", outcome.PoliciesUpdated), ("failed", counts.RowsFailed), ("filedAsOther", counts.FiledAsOther),
            ("lease", now + options.Lease));
        await StoreErrorsAsync(connection, errors, cancellationToken);
        await StorePreviewAsync(connection, outcome.Preview, cancellationToken);
    }

    /// <summary>Queues the batch's <c>ClientsImported</c> event in the outbox, in the batch's transaction.</summary>
    public async Task AddEventAsync(NpgsqlConnection connection, Guid agentId, BatchOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outcome.ChangedClients.Length == 0)
        {
            return;
        }

        var imported = new ClientsImported
        {
            AgentId = agentId.ToString(),
            ImportId = importId.ToString(),
            ClientIds = { outcome.ChangedClients.Select(id => id.ToString()) },
            OccurredAt = Timestamp.FromDateTimeOffset(now),
        };
        await OutboxCopy.WriteAsync(connection, [OutboxMessage.For(imported, now)], cancellationToken);
    }

    private async Task StoreErrorsAsync(NpgsqlConnection connection, IReadOnlyList<ImportCellError> errors, CancellationToken cancellationToken)
    {
        var room = Math.Min(errors.Count, options.MaxStoredErrors - storedErrors);
        if (room <= 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync("COPY import_errors (import_id, line, \"column\", reason, kept) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var error in errors.Take(room))
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(importId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(error.Line, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync((object?)error.Column ?? DBNull.Value, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(error.Reason, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(error.Kept, NpgsqlDbType.Boolean, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        storedErrors += room;
    }

    private async Task StorePreviewAsync(NpgsqlConnection connection, List<ImportPreviewRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows.Take(PreviewWanted))
        {
            storedPreview += await ImportDatabase.ExecuteAsync(connection, """
                INSERT INTO import_preview (import_id, line, display_name, action, client_id, policy_count)
                VALUES (@id, @line, @name, @action, @client, @policies) ON CONFLICT DO NOTHING
                """, cancellationToken,
                ("id", importId), ("line", row.Line), ("name", row.DisplayName), ("action", row.Action), ("client", row.ClientId), ("policies", row.PolicyCount));
        }
    }
}
