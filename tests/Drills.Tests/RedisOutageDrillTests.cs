using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentCalls.TestSupport;
using static AgentCalls.Drills.Tests.SystemQueries;

namespace AgentCalls.Drills.Tests;

/// <summary>
/// Redis is never the only copy: with it stopped for 30 s while events flow, API clients keep writing, browsers get a
/// clear 503 for their sessions, and every event committed meanwhile reaches its consumer afterwards, in order and once.
/// </summary>
public sealed class RedisOutageDrillTests(DrillSystem system)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RedisOutage_ThirtySeconds_SessionsAnswer503AndEventsCommittedMeanwhileArriveInOrderOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var browser = await system.SignedInBrowserAsync("Outage Browser", cancellationToken);
        var agent = await IdentityHost.SignInAsync(new Uri(system.Gateway, "/auth/"), "Outage Agent", cancellationToken: cancellationToken);
        using var api = new HttpClient { BaseAddress = system.Gateway };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken);
        var first = await PostAsync(api, "/api/clients", new { displayName = "Olive Outage" });
        var second = await PostAsync(api, "/api/clients", new { displayName = "Otto Outage" });
        var slots = await ApiFreeSlotsAsync(api, cancellationToken);

        var redisPid = await system.StopAsync("redis", cancellationToken);
        var down = TimeProvider.System.GetTimestamp();

        var (sessionStatus, problem) = await browser.GetJsonAsync("/api/clients", cancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sessionStatus);
        Assert.Contains("session store", problem.GetProperty("detail").GetString());
        // API clients carry their own token: their writes go on, and their events wait in the outboxes.
        var moved = await PostAsync(api, "/api/calendar/calls", new { requestId = Guid.NewGuid().ToString(), clientId = Id(first), startTime = WriteLoad.Rfc3339(slots[0]) });
        await PostAsync(api, $"/api/calendar/calls/{moved.GetProperty("eventId").GetString()}:reschedule", new { startTime = WriteLoad.Rfc3339(slots[2]) });
        var kept = await PostAsync(api, "/api/calendar/calls", new { requestId = Guid.NewGuid().ToString(), clientId = Id(second), startTime = WriteLoad.Rfc3339(slots[4]) });
        var calendarDb = await system.ConnectionStringAsync("calendardb", cancellationToken);
        Assert.True((await ReadAsync(calendarDb, "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL",
            null, r => r.GetInt64(0)))[0] >= 3);

        var rest = Outage - TimeProvider.System.GetElapsedTime(down);
        if (rest > TimeSpan.Zero)
        {
            // The outage lasts its full length on purpose: relays and consumers must keep retrying through it.
            await Task.Delay(rest, cancellationToken);
        }

        await system.StartAsync("redis", redisPid, cancellationToken);

        var clientsDb = await system.ConnectionStringAsync("clientsdb", cancellationToken);
        var scheduled = await Eventually.ReturnsAsync(async () =>
        {
            var rows = await ReadAsync(clientsDb, "SELECT event_id, client_id::text, starts_at FROM scheduled_calls WHERE agent_id = @agent",
                agent.AgentId, r => (EventId: r.GetString(0), ClientId: r.GetString(1), StartsAt: new DateTimeOffset(r.GetDateTime(2))));
            return rows.Count == 2 && rows.Single(row => row.ClientId == Id(first)).StartsAt == slots[2] ? rows : null;
        }, DrillSystem.Patience);
        Assert.Equal(
            [(moved.GetProperty("eventId").GetString()!, slots[2]), (kept.GetProperty("eventId").GetString()!, slots[4])],
            scheduled.OrderBy(row => row.StartsAt).Select(row => (row.EventId, row.StartsAt)));
        // Nothing is left waiting in Calendar's outbox.
        await Eventually.IsTrueAsync(async () => (await ReadAsync(calendarDb,
            "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL", null, r => r.GetInt64(0)))[0] == 0,
            DrillSystem.Patience);

        var (status, _) = await browser.GetJsonAsync("/api/clients", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static string Id(JsonElement client) => client.GetProperty("clientId").GetString()!;

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<DateTimeOffset>> ApiFreeSlotsAsync(HttpClient api, CancellationToken cancellationToken)
    {
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var last = first.AddDays(14);
        var body = await api.GetFromJsonAsync<JsonElement>(
            $"/api/calendar/free-slots?startDate.year={first.Year}&startDate.month={first.Month}&startDate.day={first.Day}"
            + $"&endDate.year={last.Year}&endDate.month={last.Month}&endDate.day={last.Day}&maxSlots=20", cancellationToken);
        return [.. body.GetProperty("slots").EnumerateArray().Select(slot => slot.GetProperty("startTime").GetDateTimeOffset())];
    }
}
