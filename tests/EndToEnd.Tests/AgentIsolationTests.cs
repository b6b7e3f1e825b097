using System.Net;
using Aspire.Hosting.Testing;
using Npgsql;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>Rows of one agent never reach another, in any service: every query is scoped by the token's agent.</summary>
public sealed class AgentIsolationTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RowsOfAgentA_AreListedForAOnly_InEveryService()
    {
        using var agentA = await system.SignedInBrowserAsync("Sam Seller", Cancel);
        using var agentB = await system.SignedInBrowserAsync("Tia Taker", Cancel);
        var clientId = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
        await ExecuteAsync("clientsdb",
            "INSERT INTO clients (id, agent_id, display_name, email, created_at, updated_at) VALUES (@id, @agent, 'Una Unseen', 'una@example.com', now(), now())",
            ("id", clientId), ("agent", agentA.AgentId));
        await ExecuteAsync("calendardb",
            "INSERT INTO cached_events (id, agent_id, provider, calendar_id, title, starts_at, ends_at, client_id, updated_at) VALUES (@id, @agent, 'local', 'primary', 'Call Una', @at, @at + interval '30 minutes', @client, now())",
            ("id", Guid.CreateVersion7()), ("agent", agentA.AgentId), ("at", at), ("client", clientId));
        await ExecuteAsync("conversationdb",
            "INSERT INTO call_logs (id, agent_id, client_id, started_at, outcome) VALUES (@id, @agent, @client, @at, 'renewed')",
            ("id", Guid.CreateVersion7()), ("agent", agentA.AgentId), ("client", clientId), ("at", at));
        var jobId = Guid.CreateVersion7();
        await ExecuteAsync("transcriptiondb",
            "INSERT INTO transcription_jobs (id, agent_id, provider, status, audio_seconds, created_at) VALUES (@id, @agent, 'pocketsphinx', 'Completed', 90, now())",
            ("id", jobId), ("agent", agentA.AgentId));
        await ExecuteAsync("transcriptiondb",
            "INSERT INTO usage_records (id, agent_id, job_id, provider, audio_seconds, recorded_at) VALUES (@id, @agent, @job, 'pocketsphinx', 90, now())",
            ("id", Guid.CreateVersion7()), ("agent", agentA.AgentId), ("job", jobId));

        foreach (var (browser, expected) in new[] { (agentA, 1), (agentB, 0) })
        {
            var clients = await browser.GetJsonAsync("/api/clients", Cancel);
            var events = await browser.GetJsonAsync("/api/calendar/events?startTime=2026-11-01T00:00:00Z&endTime=2026-11-30T00:00:00Z", Cancel);
            var callLogs = await browser.GetJsonAsync("/api/conversation/call-logs", Cancel);
            var usage = await browser.GetJsonAsync("/api/transcription/usage", Cancel);

            Assert.Equal(HttpStatusCode.OK, clients.Status);
            Assert.Equal(expected, clients.Body.GetProperty("clients").GetArrayLength());
            Assert.Equal(expected, events.Body.GetProperty("events").GetArrayLength());
            Assert.Equal(expected, callLogs.Body.GetProperty("callLogs").GetArrayLength());
            Assert.Equal(expected * 90, usage.Body.GetProperty("audioSeconds").GetDouble());
        }
    }

    private async Task ExecuteAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await system.App.GetConnectionStringAsync(database, Cancel));
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(Cancel);
    }
}
