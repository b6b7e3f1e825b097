using Aspire.Hosting.Testing;
using AgentCalls.TestSupport;
using Npgsql;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>Rows of one agent written straight into every data service's database, as if the agent had used them all.</summary>
public static class AgentRows
{
    public static readonly string[] Databases = ["identitydb", "clientsdb", "calendardb", "conversationdb", "transcriptiondb"];

    /// <summary>One client, one calendar event with it, one call log, one 90-second transcription; all in November 2026.</summary>
    public static async Task SeedAsync(SystemUnderTest system, Guid agentId, CancellationToken cancellationToken)
    {
        var clientId = Guid.CreateVersion7();
        var jobId = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
        await ExecuteAsync(system, "clientsdb",
            "INSERT INTO clients (id, agent_id, display_name, email, tags, created_at, updated_at) VALUES (@id, @agent, 'Una Unseen', 'una@example.com', '{}', now(), now())",
            cancellationToken, ("id", clientId), ("agent", agentId));
        await ExecuteAsync(system, "calendardb",
            "INSERT INTO cached_events (id, agent_id, provider, calendar_id, title, starts_at, ends_at, client_id, updated_at) VALUES (@id, @agent, 'local', 'primary', 'Call Una', @at, @at + interval '30 minutes', @client, now())",
            cancellationToken, ("id", Guid.CreateVersion7()), ("agent", agentId), ("at", at), ("client", clientId));
        await ExecuteAsync(system, "conversationdb",
            "INSERT INTO call_logs (id, agent_id, client_id, started_at, outcome) VALUES (@id, @agent, @client, @at, 'renewed')",
            cancellationToken, ("id", Guid.CreateVersion7()), ("agent", agentId), ("client", clientId), ("at", at));
        await ExecuteAsync(system, "transcriptiondb",
            "INSERT INTO transcription_jobs (id, agent_id, provider, status, audio_seconds, created_at) VALUES (@id, @agent, 'pocketsphinx', 'Completed', 90, now())",
            cancellationToken, ("id", jobId), ("agent", agentId));
        await ExecuteAsync(system, "transcriptiondb",
            "INSERT INTO usage_records (id, agent_id, job_id, provider, audio_seconds, recorded_at) VALUES (@id, @agent, @job, 'pocketsphinx', 90, now())",
            cancellationToken, ("id", Guid.CreateVersion7()), ("agent", agentId), ("job", jobId));
    }

    /// <summary>How many rows name the agent in one database (the tables <see cref="AgentTables"/> finds).</summary>
    public static async Task<long> CountAsync(SystemUnderTest system, string database, Guid agentId, CancellationToken cancellationToken) =>
        await AgentTables.CountAsync(await system.App.GetConnectionStringAsync(database, cancellationToken) ?? "", agentId, cancellationToken);

    /// <summary>Per table that names the agent in one database, its rows' count and checksum (<see cref="AgentTables"/>).</summary>
    public static async Task<Dictionary<string, string>> ChecksumsAsync(SystemUnderTest system, string database, Guid agentId, CancellationToken cancellationToken) =>
        await AgentTables.ChecksumsAsync(await system.App.GetConnectionStringAsync(database, cancellationToken) ?? "", agentId, cancellationToken);

    /// <summary>The first column of the first row a query answers in one database.</summary>
    public static Task<T> ScalarAsync<T>(SystemUnderTest system, string database, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        RunAsync(system, database, sql, async command => (T)(await command.ExecuteScalarAsync(cancellationToken))!, cancellationToken, parameters);

    private static Task<int> ExecuteAsync(SystemUnderTest system, string database, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        RunAsync(system, database, sql, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken, parameters);

    private static async Task<T> RunAsync<T>(
        SystemUnderTest system, string database, string sql, Func<NpgsqlCommand, Task<T>> run, CancellationToken cancellationToken, (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(system, database, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await run(command);
    }

    private static async Task<NpgsqlConnection> OpenAsync(SystemUnderTest system, string database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(await system.App.GetConnectionStringAsync(database, cancellationToken));
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
