using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;

namespace AgentCalls.Calendar.Tests.WithGoogle;

/// <summary>Without a public webhook address, calendars are polled at the configured interval (one second here).</summary>
public sealed class GooglePollingTests(PolledGoogleCalendar system) : IClassFixture<PolledGoogleCalendar>
{
    [Fact]
    public async Task ChangeInGoogle_ArrivesByPolling_WithNoChannel()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Polly Poll");

        await system.Google.Calendar.PutEventAsync(user, "polled", "Polled here", TestDays.Today.AddDays(2).AddHours(9));

        await Eventually.IsTrueAsync(async () => (await system.EventsAsync(agent)).Any(e => e.Title == "Polled here"));
        var status = await system.StatusAsync(agent);
        Assert.False(status.PushNotifications);
        Assert.Equal(SyncState.Synced, status.State);
        Assert.Empty(await system.Google.Calendar.ChannelsAsync());
    }
}
