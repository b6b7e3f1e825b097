using System.Net;

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
        await AgentRows.SeedAsync(system, agentA.AgentId, Cancel);

        foreach (var (browser, expected) in new[] { (agentA, 1), (agentB, 0) })
        {
            var clients = await browser.GetJsonAsync("/api/clients", Cancel);
            var events = await browser.GetJsonAsync("/api/calendar/events?startTime=2026-11-01T00:00:00Z&endTime=2026-11-30T00:00:00Z", Cancel);
            var callLogs = await browser.GetJsonAsync("/api/conversation/call-logs", Cancel);
            var usage = await browser.GetJsonAsync("/api/transcription/usage?startTime=2020-01-01T00:00:00Z&endTime=2100-01-01T00:00:00Z", Cancel);

            Assert.Equal(HttpStatusCode.OK, clients.Status);
            Assert.Equal(expected, clients.Body.GetProperty("clients").GetArrayLength());
            Assert.Equal(expected, events.Body.GetProperty("events").GetArrayLength());
            Assert.Equal(expected, callLogs.Body.GetProperty("callLogs").GetArrayLength());
            Assert.Equal(expected * 90, usage.Body.TryGetProperty("audioSeconds", out var seconds) ? seconds.GetDouble() : 0);
        }
    }
}
