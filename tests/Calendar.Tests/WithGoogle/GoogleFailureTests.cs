using System.Diagnostics;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace AgentCalls.Calendar.Tests.WithGoogle;

/// <summary>When Google says no: rate limits (429, 403 rateLimitExceeded, userRateLimitExceeded, quotaExceeded) with and without Retry-After, and a grant revoked by the agent.</summary>
public sealed class GoogleFailureTests(ManualGoogleCalendar system) : IClassFixture<ManualGoogleCalendar>
{
    [Theory]
    [InlineData(429, "rateLimitExceeded")]
    [InlineData(403, "rateLimitExceeded")]
    [InlineData(403, "userRateLimitExceeded")]
    [InlineData(403, "quotaExceeded")]
    public async Task RateLimited_WithAShortRetryAfter_WaitsItOutAndFinishesTheSync(int status, string reason)
    {
        var (user, agent) = await system.ConnectedAgentAsync($"Rae Ratelimit {status} {reason}");
        await system.Google.Calendar.PutEventAsync(user, "later", "After the wait", TestDays.Today.AddDays(2).AddHours(10));
        var throttledBefore = await system.Google.RequestCountAsync("calendar:throttled:events.list");
        await system.Google.Calendar.ThrottleAsync(status, retryAfterSeconds: 1, count: 2, reason);

        var clock = Stopwatch.StartNew();
        var synced = await system.SyncNowAsync(agent);

        Assert.Equal(SyncState.Synced, synced.State);
        Assert.Equal(2, await system.Google.RequestCountAsync("calendar:throttled:events.list") - throttledBefore);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"two Retry-After: 1 waits, but the sync took {clock.Elapsed}");
        Assert.Contains(await system.EventsAsync(agent), e => e.Title == "After the wait");
    }

    [Fact]
    public async Task RateLimited_WithoutRetryAfter_BacksOffOnItsOwnAndFinishesTheSync()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Nora NoHeader");
        await system.Google.Calendar.PutEventAsync(user, "later", "After the backoff", TestDays.Today.AddDays(2).AddHours(10));
        var throttledBefore = await system.Google.RequestCountAsync("calendar:throttled:events.list");
        await system.Google.Calendar.ThrottleAsync(429, retryAfterSeconds: null, count: 2);

        var synced = await system.SyncNowAsync(agent);

        Assert.Equal(SyncState.Synced, synced.State);
        Assert.Equal(2, await system.Google.RequestCountAsync("calendar:throttled:events.list") - throttledBefore);
        Assert.Contains(await system.EventsAsync(agent), e => e.Title == "After the backoff");
    }

    [Fact]
    public async Task RateLimited_WithALongRetryAfter_PostponesTheSyncToThen_EvenWhenAskedToSyncNow()
    {
        var (_, agent) = await system.ConnectedAgentAsync("Lee Later");
        var asked = DateTimeOffset.UtcNow;
        await system.Google.Calendar.ThrottleAsync(429, retryAfterSeconds: 120, count: 1);

        // Whichever run meets the 429 (the one asked for, or one the worker had already scheduled), the sync backs off;
        // waiting for a run after the ask would wait in vain when the other got there first.
        await system.Sync.SyncNowAsync(new(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
        var status = await system.WaitForStateAsync(agent, SyncState.BackingOff);
        var askedAgain = await system.Sync.SyncNowAsync(new(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SyncState.BackingOff, status.State);
        Assert.Contains("slow down", status.LastError);
        Assert.True(status.NextSyncAt.ToDateTimeOffset() >= asked.AddSeconds(115), $"next sync at {status.NextSyncAt}");
        Assert.Equal(status.NextSyncAt, askedAgain.NextSyncAt);
    }

    [Fact]
    public async Task Scheduling_WhileGoogleAsksToSlowDownForLong_IsUnavailable_WithItsRetryAfter_AndSchedulesNothing()
    {
        var (_, agent) = await system.ConnectedAgentAsync("Sia Slowdown");
        var client = await system.ClientsServer.CreateAsync(agent, "Carl Client");
        // Two: a sync of the worker's may meet the first (and then backs off for the whole wait); scheduling meets the next.
        await system.Google.Calendar.ThrottleAsync(429, retryAfterSeconds: 120, count: 2);

        RpcException refused;
        try
        {
            refused = await RpcAssert.FailsAsync(StatusCode.Unavailable, () =>
                system.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(9))));
        }
        finally
        {
            // The fake is shared by every test of the collection: a refusal that did not come must not throttle theirs.
            await system.Google.Calendar.ThrottleAsync(429, retryAfterSeconds: 120, count: 0);
        }

        Assert.Equal(TimeSpan.FromSeconds(120), refused.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan());
        Assert.Contains("try again in 120 s", refused.Status.Detail);
        Assert.DoesNotContain(await system.EventsAsync(agent), e => e.ClientId == client.ClientId);
    }

    [Fact]
    public async Task GrantRevokedAtGoogle_StopsSyncing_AsksToReconnect_AndReconnectingResumes()
    {
        // Identity holds an hour-long access token when the agent revokes: Google refuses it (401) from then on, and
        // Calendar asking Identity for another in its place is how the revocation comes to light. Scheduling comes
        // first, so it meets the refusal itself unless a sync of the worker's got there before it.
        var (user, agent) = await system.ConnectedAgentAsync("Rex Revoked");
        var client = await system.ClientsServer.CreateAsync(agent, "Cleo Client");
        await system.Google.RevokeAccessAsync(user);

        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () =>
            system.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(9))));
        var stopped = await system.SyncNowAsync(agent);
        await GoogleCalendarConnect.ConnectAsync(system.IdentityChannel, system.Identity.Issuer, agent, user, TestContext.Current.CancellationToken);
        var resumed = await Eventually.ReturnsAsync(async () => await system.StatusAsync(agent) is { State: SyncState.Synced } s ? s : null);

        Assert.Equal((SyncState.ReconnectRequired, true, null), (stopped.State, stopped.ReconnectRequired, stopped.NextSyncAt));
        Assert.Equal("GOOGLE_RECONNECT_REQUIRED", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.False(resumed.ReconnectRequired);
    }
}
