using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Tests;

/// <summary>Moving and cancelling calls on the local calendar, and refusing ids that are not the agent's calls.</summary>
public sealed class CallChangesTests(CalendarServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RescheduleCall_MovesTheCallKeepingItsLength_AndAnnouncesIt()
    {
        var (agent, call) = await ScheduledAsync("Mo Mover", TestDays.Monday().AddHours(9));
        var later = TestDays.Monday().AddDays(1).AddHours(14);

        var moved = await host.Calls.MoveAsync(agent, call.EventId, later);
        var listed = await host.ListAsync(agent, later.AddHours(-1), later.AddHours(2));
        var announced = await Outbox.ReadAsync<CallRescheduled>(host.Services, e => e.EventId == call.EventId);

        Assert.Equal((later, later.AddMinutes(30)), (moved.StartTime.ToDateTimeOffset(), moved.EndTime.ToDateTimeOffset()));
        Assert.Equal([call.EventId], listed.Events.Select(e => e.EventId));
        Assert.Equal(later, Assert.Single(announced).StartsAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task CancelCall_RemovesTheCall_AndAnnouncesIt()
    {
        var (agent, call) = await ScheduledAsync("Cy Canceller", TestDays.Monday().AddHours(11));

        await host.Calls.CancelAsync(agent, call.EventId);
        var left = await host.ListAsync(agent, TestDays.Monday(), TestDays.Monday().AddDays(1));
        var announced = await Outbox.ReadAsync<CallCancelled>(host.Services, e => e.EventId == call.EventId);

        Assert.Empty(left.Events);
        Assert.Equal(call.ClientId, Assert.Single(announced).ClientId);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Calls.CancelAsync(agent, call.EventId));
    }

    [Fact]
    public async Task RescheduleAndCancel_AnotherAgentsCall_AreNotFound_AndChangeNothing()
    {
        var (owner, call) = await ScheduledAsync("Ona Owner", TestDays.Monday().AddHours(13));
        var intruder = await host.SignInAsync("Ira Intruder", cancellationToken: Cancel);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Calls.MoveAsync(intruder, call.EventId, TestDays.Monday().AddHours(15)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Calls.CancelAsync(intruder, call.EventId));
        var still = await host.ListAsync(owner, TestDays.Monday(), TestDays.Monday().AddDays(1));

        Assert.Equal(call.StartTime, Assert.Single(still.Events).StartTime);
    }

    [Fact]
    public async Task RescheduleAndCancel_AnEventThatIsNotACall_AreNotFound()
    {
        var agent = await host.SignInAsync("Ned Notacall", cancellationToken: Cancel);
        var lunch = (await host.AddEventsAsync(agent, ("Lunch", TestDays.Monday().AddHours(12), TestDays.Monday().AddHours(13))))[0];

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Calls.MoveAsync(agent, lunch.Id.ToString(), TestDays.Monday().AddHours(15)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Calls.CancelAsync(agent, lunch.Id.ToString()));
    }

    [Fact]
    public async Task RescheduleCall_OntoAnotherBusyEvent_IsFailedPrecondition_AndTheCallStays()
    {
        var (agent, call) = await ScheduledAsync("Ola Onto", TestDays.Monday().AddHours(9));
        var meeting = TestDays.Monday().AddHours(14);
        await host.AddEventsAsync(agent, ("Meeting", meeting, meeting.AddHours(1)));

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => host.Calls.MoveAsync(agent, call.EventId, meeting.AddMinutes(30)));
        var row = await host.Services.QueryAsync<CalendarDbContext, DateTimeOffset>(db => db.Events.Where(e => e.Id == Guid.Parse(call.EventId)).Select(e => e.StartsAt).FirstAsync());

        Assert.Equal(call.StartTime.ToDateTimeOffset(), row);
    }

    [Theory]
    [InlineData("not-an-id", 0, "eventId")]
    [InlineData("0198a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d", 3, "durationMinutes")]
    public async Task RescheduleCall_BadInput_IsInvalidArgumentOnTheField(string eventId, int duration, string field)
    {
        var agent = await host.SignInAsync("Fay Fields", cancellationToken: Cancel);
        var request = new RescheduleCallRequest { EventId = eventId, StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(TestDays.Monday()), DurationMinutes = duration };

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.Calls.RescheduleCallAsync(request, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal([field], fields);
    }

    private async Task<(SignedInAgent Agent, CalendarEvent Call)> ScheduledAsync(string name, DateTimeOffset start)
    {
        var agent = await host.SignInAsync(name, cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, $"Client of {name}");
        return (agent, await host.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, start)));
    }
}
