using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;

namespace AgentCalls.Calendar.Tests;

/// <summary>A logged call made from a scheduled call marks that event as held.</summary>
public sealed class CallLoggedTests(CalendarServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallLogged_FromAScheduledCall_MarksTheEventHeldWithItsLog()
    {
        var (agent, call) = await ScheduledAsync("Held Hana", TestDays.Monday().AddHours(9));
        var callLogId = Guid.CreateVersion7().ToString();
        var ended = TestDays.Monday().AddHours(9).AddMinutes(12);

        await host.Services.PublishEventAsync(new CallLogged
        {
            AgentId = agent.AgentId.ToString(), CallLogId = callLogId, ClientId = call.ClientId, CalendarEventId = call.EventId,
            EndedAt = Timestamp.FromDateTimeOffset(ended), Outcome = CallOutcome.Reached,
        });
        var held = await Eventually.ReturnsAsync(async () => (await ListDayAsync(agent)).SingleOrDefault(e => e.HeldAt is not null));

        Assert.Equal((call.EventId, ended, callLogId), (held.EventId, held.HeldAt.ToDateTimeOffset(), held.CallLogId));
    }

    [Fact]
    public async Task CallLogged_ByAnotherAgent_LeavesTheEventAsItWas()
    {
        var (owner, call) = await ScheduledAsync("Owner Oona", TestDays.Monday().AddHours(10));
        var (stranger, marker) = await ScheduledAsync("Stranger Sid", TestDays.Monday().AddHours(10));

        await host.Services.PublishEventAsync(new CallLogged { AgentId = stranger.AgentId.ToString(), CallLogId = "x1", CalendarEventId = call.EventId, Outcome = CallOutcome.Reached });
        await host.Services.PublishEventAsync(new CallLogged { AgentId = stranger.AgentId.ToString(), CallLogId = "x2", CalendarEventId = marker.EventId, Outcome = CallOutcome.Reached });
        // Events are handled in order: once the second has landed, the first has been handled too.
        await Eventually.IsTrueAsync(async () => (await ListDayAsync(stranger)).Any(e => e.HeldAt is not null));

        Assert.Null(Assert.Single(await ListDayAsync(owner)).HeldAt);
    }

    private async Task<IReadOnlyList<CalendarEvent>> ListDayAsync(SignedInAgent agent) =>
        (await host.ListAsync(agent, TestDays.Monday(), TestDays.Monday().AddDays(1))).Events;

    private async Task<(SignedInAgent Agent, CalendarEvent Call)> ScheduledAsync(string name, DateTimeOffset start)
    {
        var agent = await host.SignInAsync(name, cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, $"Client of {name}");
        return (agent, await host.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, start)));
    }
}
