using System.Net;
using Npgsql;

namespace AgentCalls.Drills.Tests;

/// <summary>What the drills read back: through the gateway as the agent sees it, and from a service's database directly.</summary>
public static class SystemQueries
{
    public static async Task<List<DateTimeOffset>> FreeSlotsAsync(BrowserSession browser, CancellationToken cancellationToken)
    {
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var last = first.AddDays(30);
        var (status, body) = await browser.GetJsonAsync(
            $"/api/calendar/free-slots?startDate.year={first.Year}&startDate.month={first.Month}&startDate.day={first.Day}"
            + $"&endDate.year={last.Year}&endDate.month={last.Month}&endDate.day={last.Day}&maxSlots=200", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.GetProperty("slots").EnumerateArray().Select(slot => slot.GetProperty("startTime").GetDateTimeOffset())];
    }

    /// <summary>Event id → client id of the agent's scheduled calls on the calendar, or null while Calendar does not answer.</summary>
    public static async Task<Dictionary<string, string>?> CalendarCallsAsync(BrowserSession browser, CancellationToken cancellationToken)
    {
        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(60));
        var (status, body) = await browser.GetJsonAsync(
            $"/api/calendar/events?startTime={Uri.EscapeDataString(WriteLoad.Rfc3339(from))}&endTime={Uri.EscapeDataString(WriteLoad.Rfc3339(to))}",
            cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            return null;
        }

        return body.TryGetProperty("events", out var events)
            ? events.EnumerateArray().Where(e => e.TryGetProperty("clientId", out _))
                .ToDictionary(e => e.GetProperty("eventId").GetString()!, e => e.GetProperty("clientId").GetString()!)
            : [];
    }

    public static async Task<List<string>> CallQueueAsync(BrowserSession browser, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var pageToken = "";
        do
        {
            var (status, page) = await browser.GetJsonAsync($"/api/clients/call-queue?pageSize=200&pageToken={Uri.EscapeDataString(pageToken)}", cancellationToken);
            Assert.Equal(HttpStatusCode.OK, status);
            if (page.TryGetProperty("entries", out var entries))
            {
                ids.AddRange(entries.EnumerateArray().Select(e => e.GetProperty("clientId").GetString()!));
            }

            pageToken = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() ?? "" : "";
        }
        while (pageToken.Length > 0);

        return ids;
    }

    public static async Task<List<T>> ReadAsync<T>(string connectionString, string sql, Guid? agent, Func<NpgsqlDataReader, T> read)
    {
        // No pool: a connection kept from before a drill killed Postgres would be dead.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (agent is { } id)
        {
            command.Parameters.AddWithValue("agent", id);
        }

        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
