using Npgsql;
using AgentCalls.Clients.Service.Import.Jobs;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// Merges one batch into the agent's book inside the caller's transaction: stage (binary COPY), match, create
/// households, insert and update clients and policies (search text included), write their history (binary COPY);
/// then reads what happened. The batch's events wait in the outcome's journal for the caller to queue. Nothing here
/// commits: the batch lands whole or not at all.
/// </summary>
public static class ImportMerger
{
    public static async Task<BatchOutcome> MergeAsync(NpgsqlConnection connection, ImportBatch batch, MergeContext context, int previewWanted, CancellationToken cancellationToken)
    {
        // The match's statements are costed high (per-row probes, the ruled-out sequential scans), which makes Postgres
        // JIT-compile them on every batch: over a second per statement, far more than they take to run. For the rest
        // of the batch's transaction, the statements run interpreted.
        await ImportDatabase.ExecuteAsync(connection, "SET LOCAL jit = off", cancellationToken);
        await ImportStaging.StageAsync(connection, batch, cancellationToken);
        await RunAsync(connection, ImportMergeSql.MatchClients, context, cancellationToken);
        await RunAsync(connection, ImportMergeSql.Households, context, cancellationToken);
        var journal = new ImportJournal(context);
        var clientsUpdated = await ImportClientWrites.Statements.RunAsync(connection, context, journal.Client, cancellationToken);
        var policiesUpdated = await ImportPolicyWrites.Statements.RunAsync(connection, context, journal.Policy, cancellationToken);
        await journal.WriteHistoryAsync(connection, cancellationToken);

        var outcome = await ReadOutcomeAsync(connection, clientsUpdated, policiesUpdated, journal, cancellationToken);
        return outcome with { Preview = await ReadPreviewAsync(connection, previewWanted, cancellationToken) };
    }

    /// <summary>
    /// Takes the agent's import lock until the transaction ends, so that one agent's batches merge one at a time, whichever
    /// import or replica runs them. Without it, two batches merging at once would not see each other's new clients and
    /// would both create them: nothing unique in the book (e-mail and phone are not keys) would stop the second.
    /// </summary>
    public static Task LockBookAsync(NpgsqlConnection connection, Guid agentId, CancellationToken cancellationToken) =>
        ImportDatabase.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext('clients.import'), hashtext(@agent::text))",
            cancellationToken, ("agent", agentId));

    private static async Task<BatchOutcome> ReadOutcomeAsync(
        NpgsqlConnection connection, int clientsUpdated, int policiesUpdated, ImportJournal journal, CancellationToken cancellationToken)
    {
        await using var command = ImportDatabase.Command(connection, """
            SELECT (SELECT count(*)::int FROM import_clients WHERE action = 'create') AS clients_created,
                   (SELECT count(DISTINCT client_id)::int FROM import_clients WHERE action <> 'create') AS clients_matched,
                   (SELECT count(*)::int FROM import_policies WHERE action = 'create') AS policies_created,
                   (SELECT array_agg(DISTINCT client_id) FROM import_clients WHERE action <> 'skip') AS changed_clients
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var changed = reader.GetOrdinal("changed_clients");
        return new BatchOutcome(
            ClientsCreated: reader.GetInt32(reader.GetOrdinal("clients_created")),
            ClientsUpdated: clientsUpdated,
            ClientsUnchanged: reader.GetInt32(reader.GetOrdinal("clients_matched")) - clientsUpdated,
            PoliciesCreated: reader.GetInt32(reader.GetOrdinal("policies_created")),
            PoliciesUpdated: policiesUpdated,
            ChangedClients: reader.IsDBNull(changed) ? [] : reader.GetFieldValue<Guid[]>(changed),
            Preview: [],
            Journal: journal);
    }

    private static async Task<List<ImportPreviewRow>> ReadPreviewAsync(NpgsqlConnection connection, int wanted, CancellationToken cancellationToken)
    {
        var rows = new List<ImportPreviewRow>();
        if (wanted <= 0)
        {
            return rows;
        }

        await using var command = ImportDatabase.Command(connection,
            "SELECT first_line, display_name, action, client_id, policy_count FROM import_clients ORDER BY first_line LIMIT @wanted", ("wanted", wanted));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (line, name, act, client, policies) = (reader.GetOrdinal("first_line"), reader.GetOrdinal("display_name"), reader.GetOrdinal("action"),
            reader.GetOrdinal("client_id"), reader.GetOrdinal("policy_count"));
        while (await reader.ReadAsync(cancellationToken))
        {
            var action = reader.GetString(act);
            rows.Add(new ImportPreviewRow
            {
                ImportId = Guid.Empty,
                Line = reader.GetInt32(line),
                DisplayName = reader.GetString(name),
                Action = action,
                ClientId = action == "create" ? null : reader.GetGuid(client),
                PolicyCount = reader.GetInt32(policies),
            });
        }

        return rows;
    }

    private static async Task RunAsync(NpgsqlConnection connection, string sql, MergeContext context, CancellationToken cancellationToken)
    {
        await using var command = context.Bind(ImportDatabase.Command(connection, sql));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The merge's parameters: whose book, when, which import, and what to do with duplicates.</summary>
public sealed record MergeContext(Guid AgentId, Guid ImportId, DateTimeOffset Now, DateOnly Today, bool Skip)
{
    public NpgsqlCommand Bind(NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("agent", AgentId);
        command.Parameters.AddWithValue("now", Now);
        command.Parameters.AddWithValue("today", Today);
        command.Parameters.AddWithValue("source", ImportId.ToString());
        command.Parameters.AddWithValue("skip", Skip);
        return command;
    }
}

/// <summary>What one batch did (or, in a dry run, would do), and the journal of its writes, whose events the caller queues.</summary>
public sealed record BatchOutcome(
    int ClientsCreated, int ClientsUpdated, int ClientsUnchanged, int PoliciesCreated, int PoliciesUpdated, Guid[] ChangedClients, List<ImportPreviewRow> Preview,
    ImportJournal Journal);
