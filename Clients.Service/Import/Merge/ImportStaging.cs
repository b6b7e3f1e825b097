using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// The batch's staging tables: temporary (private to the connection, dropped at commit, never WAL-logged) and
/// filled with Npgsql's binary COPY, the fastest way rows get into Postgres. The merge then works set-based from them.
/// </summary>
public static class ImportStaging
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly StagingColumn<StagedClient>[] ClientColumns =
    [
        new("group_no", "int", NpgsqlDbType.Integer, c => c.GroupNo),
        new("first_line", "int", NpgsqlDbType.Integer, c => c.Values.Line),
        new("new_id", "uuid", NpgsqlDbType.Uuid, c => c.NewId),
        new("client_ref", "uuid", NpgsqlDbType.Uuid, c => c.Values.ClientRef),
        new("external_id", "text", NpgsqlDbType.Text, c => c.Values.ExternalId),
        new("emails", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.Emails),
        new("phone_numbers", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.PhoneNumbers),
        new("policy_numbers", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.PolicyNumbers),
        new("display_name", "text", NpgsqlDbType.Text, c => c.Values.DisplayName),
        new("email", "text", NpgsqlDbType.Text, c => c.Values.Email),
        new("phones", "jsonb", NpgsqlDbType.Jsonb, c => JsonSerializer.Serialize(c.Values.Phones.Select(p => new { p.Number, Type = p.Type.ToString() }), Json)),
        new("address_line1", "text", NpgsqlDbType.Text, c => c.Values.AddressLine1),
        new("address_line2", "text", NpgsqlDbType.Text, c => c.Values.AddressLine2),
        new("address_city", "text", NpgsqlDbType.Text, c => c.Values.City),
        new("address_region", "text", NpgsqlDbType.Text, c => c.Values.Region),
        new("address_postal_code", "text", NpgsqlDbType.Text, c => c.Values.PostalCode),
        new("address_country_code", "text", NpgsqlDbType.Text, c => c.Values.CountryCode),
        new("date_of_birth", "date", NpgsqlDbType.Date, c => c.Values.DateOfBirth),
        new("household", "text", NpgsqlDbType.Text, c => c.Values.Household),
        new("contact_window_start", "time", NpgsqlDbType.Time, c => c.Values.ContactWindowStart),
        new("contact_window_end", "time", NpgsqlDbType.Time, c => c.Values.ContactWindowEnd),
        new("time_zone", "text", NpgsqlDbType.Text, c => c.Values.TimeZone),
        new("do_not_call", "boolean", NpgsqlDbType.Boolean, c => c.Values.DoNotCall),
        new("do_not_call_reason", "text", NpgsqlDbType.Text, c => c.Values.DoNotCallReason),
        new("do_not_call_since", "date", NpgsqlDbType.Date, c => c.Values.DoNotCallSince),
        new("recording_consent", "text", NpgsqlDbType.Text, c => c.Values.RecordingConsent?.ToString()),
        new("tags", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, c => c.Values.Tags.ToArray()),
        new("notes", "text", NpgsqlDbType.Text, c => c.Values.Notes),
        new("last_contacted_at", "timestamptz", NpgsqlDbType.TimestampTz, c => c.Values.LastContactedAt),
        new("last_outcome", "text", NpgsqlDbType.Text, c => c.Values.LastOutcome),
        new("policy_count", "int", NpgsqlDbType.Integer, c => c.PolicyNumbers.Length),
    ];

    private static readonly StagingColumn<StagedPolicy>[] PolicyColumns =
    [
        new("group_no", "int", NpgsqlDbType.Integer, p => p.GroupNo),
        new("new_id", "uuid", NpgsqlDbType.Uuid, p => p.NewId),
        new("line", "int", NpgsqlDbType.Integer, p => p.Line),
        new("policy_number", "text", NpgsqlDbType.Text, p => p.Values.PolicyNumber),
        new("carrier", "text", NpgsqlDbType.Text, p => p.Values.Carrier),
        new("line_of_business", "text", NpgsqlDbType.Text, p => p.Values.LineOfBusiness?.ToString()),
        new("line_of_business_text", "text", NpgsqlDbType.Text, p => p.Values.LineOfBusinessText),
        new("status", "text", NpgsqlDbType.Text, p => p.Values.Status?.ToString()),
        new("status_text", "text", NpgsqlDbType.Text, p => p.Values.StatusText),
        new("premium_minor", "bigint", NpgsqlDbType.Bigint, p => p.Values.PremiumMinor),
        new("currency", "text", NpgsqlDbType.Text, p => p.Values.Currency),
        new("effective_on", "date", NpgsqlDbType.Date, p => p.Values.EffectiveOn),
        new("expires_on", "date", NpgsqlDbType.Date, p => p.Values.ExpiresOn),
        new("ended_on", "date", NpgsqlDbType.Date, p => p.Values.EndedOn),
        new("notes", "text", NpgsqlDbType.Text, p => p.Values.Notes),
    ];

    /// <summary>
    /// Creates the staging tables in the current transaction and copies the batch into them. They are not analyzed:
    /// the merge scans them whole or probes the book once per staged row, and the planner sizes a table never analyzed
    /// from its pages; analyzing both cost about a quarter of staging.
    /// </summary>
    public static async Task StageAsync(NpgsqlConnection connection, ImportBatch batch, CancellationToken cancellationToken)
    {
        await ImportDatabase.ExecuteAsync(connection, $"""
            CREATE TEMP TABLE import_clients ({Columns(ClientColumns)}, client_id uuid, action text, household_id uuid) ON COMMIT DROP;
            CREATE TEMP TABLE import_policies ({Columns(PolicyColumns)}, client_id uuid, policy_id uuid, action text) ON COMMIT DROP;
            """, cancellationToken);
        await CopyAsync(connection, "import_clients", ClientColumns, batch.Clients, cancellationToken);
        await CopyAsync(connection, "import_policies", PolicyColumns, batch.Policies, cancellationToken);
    }

    private static string Columns<T>(StagingColumn<T>[] columns) => string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"));

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, StagingColumn<T>[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value)
                {
                    await writer.WriteAsync(value, column.DbType, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private sealed record StagingColumn<T>(string Name, string Type, NpgsqlDbType DbType, Func<T, object?> Value);
}
