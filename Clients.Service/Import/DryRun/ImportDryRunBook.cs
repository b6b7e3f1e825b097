using Npgsql;

namespace AgentCalls.Clients.Service.Import.DryRun;

/// <summary>
/// A private copy of one agent's book for a dry run. Postgres looks up unqualified table names in the session's
/// temporary schema first, so temporary tables named <c>clients</c>, <c>policies</c>, <c>households</c> and
/// <c>client_history</c> stand in for the real ones on this connection: the dry run runs the real merge, batch by
/// batch and committed like a real run (so a client the file names twice, in different batches, is created once
/// and then matched, exactly as a real run counts it), and never writes, so never locks, a row of the live book.
/// Copying the book is one read of the agent's rows. <see cref="DiscardAsync"/> drops the copy before the connection
/// goes back to the pool (which would also drop it: Npgsql resets a pooled connection with <c>DISCARD ALL</c>).
/// </summary>
public static class ImportDryRunBook
{
    private static readonly string[] Copied = ["households", "clients", "policies"];

    public static async Task CopyAsync(NpgsqlConnection connection, Guid agentId, CancellationToken cancellationToken)
    {
        await using var schema = ImportDatabase.Command(connection, "SELECT quote_ident(current_schema())");
        var live = (string)(await schema.ExecuteScalarAsync(cancellationToken))!;
        // Indexes come along (the merge's matches and ON CONFLICT need them); generated columns become plain ones, so
        // the rows copy as they are; foreign keys never come along with LIKE.
        var copies = Copied.Select(table => $"""
            CREATE TEMP TABLE {table} (LIKE {live}.{table} INCLUDING DEFAULTS INCLUDING INDEXES);
            INSERT INTO pg_temp.{table} SELECT * FROM {live}.{table} WHERE agent_id = @agent;
            """);
        await ImportDatabase.ExecuteAsync(connection, $"""
            {string.Join("\n", copies)}
            CREATE TEMP TABLE client_history (LIKE {live}.client_history INCLUDING DEFAULTS);
            ANALYZE pg_temp.households, pg_temp.clients, pg_temp.policies;
            """, cancellationToken, ("agent", agentId));
    }

    public static async Task DiscardAsync(NpgsqlConnection connection)
    {
        try
        {
            await ImportDatabase.ExecuteAsync(connection, "DISCARD TEMP", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // A broken connection is not pooled again; its session, temporary tables and all, is gone.
        }
    }
}
