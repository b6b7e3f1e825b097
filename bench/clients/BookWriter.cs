using System.Text.Json;
using AgentCalls.Clients.Service.Clients;
using Npgsql;
using NpgsqlTypes;

namespace AgentCalls.Bench.Clients;

/// <summary>
/// Writes an agent's book straight into clientsdb with binary COPY, in one transaction: clients through a staging
/// table so that their search text comes from the service's own SQL (<see cref="ClientSearchText"/>), policies
/// directly. Tables, indexes, pg_trgm and the generated tsvector are the service's migrations', untouched.
/// </summary>
public static class BookWriter
{
    private const string ClientColumns =
        "id, agent_id, display_name, email, phones, address_city, address_region, address_postal_code, address_country_code, date_of_birth, " +
        "time_zone, do_not_call, recording_consent, tags, last_contacted_at, callback_requested_at, created_at, updated_at";

    private const string PolicyColumns =
        "id, agent_id, client_id, policy_number, carrier, line_of_business, status, premium_minor, currency, effective_on, expires_on, ended_on, created_at, updated_at";

    public static async Task WriteAsync(NpgsqlDataSource database, Guid agentId, IReadOnlyList<FakeClient> clients, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"""
            CREATE TEMP TABLE staged_clients ON COMMIT DROP AS SELECT {ClientColumns}, external_id FROM clients WITH NO DATA
            """, cancellationToken);
        await CopyClientsAsync(connection, agentId, clients, cancellationToken);
        await ExecuteAsync(connection,
            $"INSERT INTO clients ({ClientColumns}, search_text) SELECT {ClientColumns}, {ClientSearchText.Of("s")} FROM staged_clients AS s",
            cancellationToken);
        await CopyPoliciesAsync(connection, agentId, clients, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Fresh planner statistics, as autovacuum would gather them some time after a bulk load.</summary>
    public static async Task AnalyzeAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "VACUUM ANALYZE clients", cancellationToken);
        await ExecuteAsync(connection, "VACUUM ANALYZE policies", cancellationToken);
    }

    private static async Task CopyClientsAsync(NpgsqlConnection connection, Guid agentId, IReadOnlyList<FakeClient> clients, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY staged_clients ({ClientColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var c in clients)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(agentId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(c.Name, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(c.Email, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(JsonSerializer.Serialize(new[] { new { number = c.Phone, type = "Mobile" } }), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(c.Place.City, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(c.Place.Region, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(c.Place.Zip, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync("US", NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(c.DateOfBirth, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync("America/Chicago", NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(c.DoNotCall, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(nameof(RecordingConsent.Unknown), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(c.Policies.Length > 2 ? new[] { "multi-line" } : [], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, c.LastContactedAt, cancellationToken);
            await WriteNullableAsync(copy, c.CallbackRequestedAt, cancellationToken);
            await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyPoliciesAsync(NpgsqlConnection connection, Guid agentId, IReadOnlyList<FakeClient> clients, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY policies ({PolicyColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var c in clients)
        {
            foreach (var p in c.Policies)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(agentId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(p.Number, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(p.Carrier, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(p.Line.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(p.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(p.PremiumMinor, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync("USD", NpgsqlDbType.Char, cancellationToken);
                await copy.WriteAsync(p.EffectiveOn, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(p.ExpiresOn, NpgsqlDbType.Date, cancellationToken);
                await WriteNullableAsync(copy, p.EndedOn, cancellationToken);
                await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, CancellationToken cancellationToken) where T : struct
    {
        if (value is { } present)
        {
            await copy.WriteAsync(present, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // No timeout: the 1,000,000-row file's 400,000 clients take longer than Npgsql's default 30 s to insert.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
