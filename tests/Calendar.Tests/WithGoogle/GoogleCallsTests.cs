using AgentCalls.Calendar.Service.Google;
using AgentCalls.Calendar.Service.Providers;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;

namespace AgentCalls.Calendar.Tests.WithGoogle;

/// <summary>Calls on an agent's Google Calendar: made, moved and cancelled there, once per request, and followed when changed in Google.</summary>
public sealed class GoogleCallsTests(ManualGoogleCalendar system) : IClassFixture<ManualGoogleCalendar>
{
    [Fact]
    public async Task ScheduleCall_PutsTheCallOnGoogleCalendar_WithTheClientAndALinkBack()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Gia Google");
        var client = await system.ClientsServer.CreateAsync(agent, "Hal Holder", "+14155550199");
        var start = TestDays.Monday().AddHours(15);

        var call = await system.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, start));
        var atGoogle = (await system.Google.Calendar.EventsAsync(user)).Single(e => e.PrivateProperty(GoogleEventMapping.ClientIdProperty) == client.ClientId);

        Assert.Equal(("google", "Call with Hal Holder"), (call.Provider, call.Title));
        Assert.Equal(start, atGoogle.Start());
        Assert.Contains($"clients/{client.ClientId}", atGoogle["description"]!.GetValue<string>());
        Assert.Contains("+14155550199", atGoogle["description"]!.GetValue<string>());
        Assert.Equal(10, atGoogle["reminders"]!["overrides"]![0]!["minutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task ScheduleCall_RetriedConcurrently_AndAfterAnInsertWhoseAnswerWasLost_MakesOneEventAtGoogle()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Ray Retry");
        var client = await system.ClientsServer.CreateAsync(agent, "Una Once");
        var request = Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(10));
        // A first try reached Google, then its answer was lost: the event is there, nothing here knows it.
        var lost = await system.Google.Calendar.PutEventAsync(user, ProviderEventIds.ForRequest(agent.AgentId, request.RequestId), "Call with Una Once", request.StartTime.ToDateTimeOffset());

        var calls = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => system.Calls.ScheduleAsync(agent, request)));
        var atGoogle = (await system.Google.Calendar.EventsAsync(user)).Where(e => e.Status() == "confirmed").ToList();

        Assert.Single(calls.Select(c => c.EventId).Distinct());
        Assert.Equal([lost.Id()], atGoogle.Select(e => e.Id()));
    }

    [Fact]
    public async Task RescheduleAndCancel_ChangeTheEventAtGoogle()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Mo Moves");
        var client = await system.ClientsServer.CreateAsync(agent, "Vi Visit");
        var call = await system.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(9)));
        var later = TestDays.Monday().AddHours(13);

        await system.Calls.MoveAsync(agent, call.EventId, later);
        var moved = (await system.Google.Calendar.EventsAsync(user)).Single();
        await system.Calls.CancelAsync(agent, call.EventId);
        var cancelled = (await system.Google.Calendar.EventsAsync(user)).Single();

        Assert.Equal(later, moved.Start());
        Assert.Equal("cancelled", cancelled.Status());
        Assert.Empty(await system.EventsAsync(agent));
    }

    [Fact]
    public async Task CallMovedThenDeletedInGoogle_IsFollowed_AndAnnounced()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Di Deleted");
        var client = await system.ClientsServer.CreateAsync(agent, "Wu Watch");
        var call = await system.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(11)));
        var atGoogle = (await system.Google.Calendar.EventsAsync(user)).Single();
        var later = TestDays.Monday().AddHours(16);

        atGoogle["start"] = new System.Text.Json.Nodes.JsonObject { ["dateTime"] = later.ToString("O"), ["timeZone"] = "UTC" };
        atGoogle["end"] = new System.Text.Json.Nodes.JsonObject { ["dateTime"] = later.AddMinutes(30).ToString("O"), ["timeZone"] = "UTC" };
        await system.Google.Calendar.PutEventAsync(user, atGoogle);
        await system.SyncNowAsync(agent);
        var afterMove = Assert.Single(await system.EventsAsync(agent));
        await system.Google.Calendar.DeleteEventAsync(user, atGoogle.Id());
        await system.SyncNowAsync(agent);

        Assert.Equal((call.EventId, later, client.ClientId), (afterMove.EventId, afterMove.StartTime.ToDateTimeOffset(), afterMove.ClientId));
        Assert.Empty(await system.EventsAsync(agent));
        Assert.Equal(later, Assert.Single(await Outbox.ReadAsync<CallRescheduled>(system.Services, e => e.EventId == call.EventId)).StartsAt.ToDateTimeOffset());
        Assert.Single(await Outbox.ReadAsync<CallCancelled>(system.Services, e => e.EventId == call.EventId));
    }

    [Fact]
    public async Task Disconnect_ForgetsTheCopy_AndNewCallsGoToTheLocalCalendar()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Ned Nomore", user => system.Google.Calendar.PutEventAsync(user, "mine", "Mine", TestDays.Today.AddDays(2)));
        var client = await system.ClientsServer.CreateAsync(agent, "Lo Local");

        await new Contracts.Identity.V1.GoogleAccount.GoogleAccountClient(system.IdentityChannel).DisconnectGoogleAsync(new(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
        var status = await Eventually.ReturnsAsync(async () => await system.StatusAsync(agent) is { Provider: "local" } s ? s : null);
        var call = await system.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(9)));

        Assert.Equal(SyncState.Unspecified, status.State);
        Assert.Equal([("local", call.EventId)], (await system.EventsAsync(agent)).Select(e => (e.Provider, e.EventId)));
    }
}
