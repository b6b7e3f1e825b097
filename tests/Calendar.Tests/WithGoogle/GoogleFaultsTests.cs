using AgentCalls.TestSupport;

namespace AgentCalls.Calendar.Tests.WithGoogle;

/// <summary>Google having a bad day, not down: some requests fail and all are slow, and the agent's work still gets done.</summary>
public sealed class GoogleFaultsTests(ManualGoogleCalendar system) : IClassFixture<ManualGoogleCalendar>
{
    [Fact]
    public async Task OneRequestInTenFailing_With200msAdded_EveryCallIsScheduled_WithAtMost1Point3TimesTheRequests()
    {
        var (_, agent) = await system.ConnectedAgentAsync("Flo Faulty");
        var client = await system.ClientsServer.CreateAsync(agent, "Carla Client");
        var baseline = await RequestsPerCallAsync(agent, client.ClientId, firstDay: 0, calls: 5);

        double faulty;
        await system.Google.Calendar.SetFaultsAsync(failEvery: 10, latencyMilliseconds: 200);
        var faultsBefore = await system.Google.RequestCountAsync("calendar:fault");
        try
        {
            faulty = await RequestsPerCallAsync(agent, client.ClientId, firstDay: 5, calls: 20);
        }
        finally
        {
            await system.Google.Calendar.SetFaultsAsync(0, 0);
        }

        Assert.True(await system.Google.RequestCountAsync("calendar:fault") > faultsBefore, "the fake failed some requests");
        Assert.True(faulty / baseline <= 1.3, $"{faulty:F2} requests per call with faults, {baseline:F2} without");
    }

    /// <summary>Schedules <paramref name="calls"/> calls one after the other (each must succeed) and answers Google requests per call.</summary>
    private async Task<double> RequestsPerCallAsync(SignedInAgent agent, string clientId, int firstDay, int calls)
    {
        var before = await system.Google.RequestCountAsync("calendar:request");
        for (var call = 0; call < calls; call++)
        {
            var scheduled = await system.Calls.ScheduleAsync(agent, Scheduling.Request(clientId, TestDays.Monday().AddDays(firstDay + call).AddHours(10)));
            Assert.Equal(clientId, scheduled.ClientId);
        }

        return (await system.Google.RequestCountAsync("calendar:request") - before) / (double)calls;
    }
}
