using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;

namespace AgentCalls.Calendar.Tests.WithGoogle;

/// <summary>Google down for a while: the circuit opens, syncs fail retryably without reaching Google, and it closes after.</summary>
public sealed class GoogleCircuitTests(CircuitGoogleCalendar system) : IClassFixture<CircuitGoogleCalendar>
{
    private const string ThrottledLists = "calendar:throttled:events.list";

    [Fact]
    public async Task ServerErrors_Sustained_OpenTheCircuit_SyncsFailRetryably_AndTheFirstAfterTheBreakSyncs()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Cyd Circuit");
        await system.Google.Calendar.PutEventAsync(user, "after", "After the outage", TestDays.Today.AddDays(3).AddHours(9));
        await system.Google.Calendar.ThrottleAsync(503, retryAfterSeconds: 0, count: 1000);
        SyncStatus failed, refused;
        int reachedGoogle, reachedWhileOpen;
        try
        {
            // The attempts (the first and up to four retries) all fail, which opens the circuit: with the first sync's
            // successful requests in the sampling time, it may open before the fifth.
            var before = await system.Google.RequestCountAsync(ThrottledLists);
            failed = await system.SyncNowAsync(agent);
            reachedGoogle = await system.Google.RequestCountAsync(ThrottledLists) - before;
            refused = await system.SyncNowAsync(agent);
            reachedWhileOpen = await system.Google.RequestCountAsync(ThrottledLists) - before - reachedGoogle;
        }
        finally
        {
            await system.Google.Calendar.ThrottleAsync(503, retryAfterSeconds: 0, count: 0);
        }

        Assert.InRange(reachedGoogle, 1, 5);
        Assert.Equal(0, reachedWhileOpen);
        Assert.All([failed, refused], status =>
        {
            Assert.NotEqual(SyncState.Synced, status.State);
            Assert.False(status.ReconnectRequired, "Google being down is not the agent's grant: no reconnect prompt.");
        });

        // One sync is let through after the break; Google answers again, so it syncs and the circuit closes.
        var synced = await Eventually.ReturnsAsync(async () => await system.SyncNowAsync(agent) is { State: SyncState.Synced } status ? status : null, TimeSpan.FromSeconds(60));
        Assert.Equal("", synced.LastError);
        Assert.Contains(await system.EventsAsync(agent), e => e.Title == "After the outage");
    }
}
