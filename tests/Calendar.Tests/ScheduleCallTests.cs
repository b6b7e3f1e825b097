using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Tests;

/// <summary>Scheduling a call with a client on the local calendar (the agent has not connected Google).</summary>
public sealed class ScheduleCallTests(CalendarServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScheduleCall_WithAClient_PutsTheCallOnTheLocalCalendar_AndAnnouncesIt()
    {
        var agent = await host.SignInAsync("Lou Local", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Maria Lopez", "+13125550100");
        var start = TestDays.Monday().AddHours(15);

        var call = await host.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, start));
        var row = await host.Services.QueryAsync<CalendarDbContext, Service.CalendarEvents.CachedEvent>(db => db.Events.AsNoTracking().FirstAsync(e => e.Id == Guid.Parse(call.EventId)));
        var announced = await Outbox.ReadAsync<CallScheduled>(host.Services, e => e.EventId == call.EventId);

        Assert.Equal(("Call with Maria Lopez", "local", client.ClientId, "Maria Lopez", "+13125550100"), (call.Title, call.Provider, call.ClientId, call.ClientName, call.ClientPhone));
        Assert.Equal((start, start.AddMinutes(30), 10), (call.StartTime.ToDateTimeOffset(), call.EndTime.ToDateTimeOffset(), call.ReminderMinutes));
        Assert.Contains($"{CalendarServiceHost.AppBaseUrl}clients/{client.ClientId}", row.Description);
        Assert.Contains("+13125550100", row.Description);
        var scheduled = Assert.Single(announced);
        Assert.Equal((agent.AgentId.ToString(), client.ClientId, start), (scheduled.AgentId, scheduled.ClientId, scheduled.StartsAt.ToDateTimeOffset()));
    }

    [Fact]
    public async Task ScheduleCall_ManyAtOnceForTheSameTime_BooksExactlyOne()
    {
        var agent = await host.SignInAsync("Dot Double", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Bo Booked");
        var start = TestDays.Monday().AddHours(11);

        var tries = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await host.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, start))).EventId;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                return null;
            }
        }));
        var booked = await host.Services.QueryAsync<CalendarDbContext, int>(db => db.Events.CountAsync(e => e.AgentId == agent.AgentId && e.StartsAt == start));

        Assert.Single(tries, id => id is not null);
        Assert.Equal(1, booked);
    }

    [Fact]
    public async Task ScheduleCall_RetriedWithTheSameRequestId_ConcurrentlyAndAfter_MakesOneCall()
    {
        var agent = await host.SignInAsync("Rey Retry", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Ted Twice");
        var request = Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(16));

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.Calls.ScheduleAsync(agent, request)));
        var later = await host.Calls.ScheduleAsync(agent, request);
        var rows = await host.Services.QueryAsync<CalendarDbContext, int>(db => db.Events.CountAsync(e => e.AgentId == agent.AgentId));
        var announced = await Outbox.ReadAsync<CallScheduled>(host.Services, e => e.AgentId == agent.AgentId.ToString());

        Assert.Single(concurrent.Append(later).Select(c => c.EventId).Distinct());
        Assert.Equal(1, rows);
        Assert.Single(announced);
    }

    [Fact]
    public async Task ScheduleCall_OverABusyEvent_IsFailedPreconditionSlotTaken()
    {
        var agent = await host.SignInAsync("Bea Busy", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Ola Overlap");
        var start = TestDays.Monday().AddHours(10);
        await host.AddEventsAsync(agent, ("Team meeting", start.AddMinutes(15), start.AddHours(1)));

        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => host.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, start)));

        Assert.Equal("SLOT_TAKEN", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task ScheduleCall_ClientWhoAskedNotToBeCalled_IsFailedPrecondition()
    {
        var agent = await host.SignInAsync("Dan Dnc", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Nora Never", doNotCall: true);

        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => host.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(9))));

        Assert.Equal("CLIENT_DO_NOT_CALL", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task ScheduleCall_AnotherAgentsClient_IsNotFound_AndWritesNothing()
    {
        var owner = await host.SignInAsync("Oona Owner", cancellationToken: Cancel);
        var intruder = await host.SignInAsync("Ian Intruder", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(owner, "Pia Private");

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Calls.ScheduleAsync(intruder, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(9))));
        var rows = await host.Services.QueryAsync<CalendarDbContext, int>(db => db.Events.CountAsync(e => e.AgentId == intruder.AgentId));

        Assert.Equal(0, rows);
    }

    [Fact]
    public async Task ScheduleCall_BadInput_IsInvalidArgumentOnEachField_AndWritesNothing()
    {
        var agent = await host.SignInAsync("Bo Bad", cancellationToken: Cancel);
        var request = new ScheduleCallRequest
        {
            RequestId = new string('r', 101),
            ClientId = "not-an-id",
            StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
            DurationMinutes = 241,
            Title = new string('t', 201),
            ReminderMinutes = 1441,
        };

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.Calls.ScheduleAsync(agent, request));
        var rows = await host.Services.QueryAsync<CalendarDbContext, int>(db => db.Events.CountAsync(e => e.AgentId == agent.AgentId));

        Assert.Equal(["requestId", "clientId", "startTime", "durationMinutes", "title", "reminderMinutes"], fields);
        Assert.Equal(0, rows);
    }
}
