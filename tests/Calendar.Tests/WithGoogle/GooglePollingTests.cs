using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Google.Rpc;
using Grpc.Core;

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

    [Fact]
    public async Task SyncNow_AskedAgainWithinTheCooldown_IsRefusedWithWhenToAskAgain_AndPollingGoesOn()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Cody Cooldown");
        var cancel = TestContext.Current.CancellationToken;
        await system.Sync.SyncNowAsync(new(), agent.Bearer, cancellationToken: cancel);
        var askedAt = (await system.SyncRowAsync(agent)).SyncRequestedAt;

        var refused = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, async () =>
            await system.Sync.SyncNowAsync(new(), agent.Bearer, cancellationToken: cancel));

        var retryDelay = refused.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan();
        Assert.NotNull(retryDelay);
        Assert.InRange(retryDelay.Value, PolledGoogleCalendar.SyncNowCooldown - TimeSpan.FromMinutes(1), PolledGoogleCalendar.SyncNowCooldown);
        Assert.Contains("ask again in", refused.Status.Detail);
        Assert.Equal(askedAt, (await system.SyncRowAsync(agent)).SyncRequestedAt);
        await system.Google.Calendar.PutEventAsync(user, "after-refusal", "Still polled", TestDays.Today.AddDays(3).AddHours(9));
        await Eventually.IsTrueAsync(async () => (await system.EventsAsync(agent)).Any(e => e.Title == "Still polled"));
    }
}
