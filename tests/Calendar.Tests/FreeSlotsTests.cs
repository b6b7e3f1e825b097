using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.TestSupport;
using NodaTime;

namespace AgentCalls.Calendar.Tests;

/// <summary>ListFreeSlots through the service: the agent's zone and hours, busy events, the Redis cache and its invalidation.</summary>
public sealed class FreeSlotsTests(CalendarServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListFreeSlots_BusyEventWithTheDefaultBuffer_IsWorkedAround()
    {
        var agent = await host.SignInAsync("Fred Free", cancellationToken: Cancel);
        var monday = TestDays.Monday();
        await host.AddEventsAsync(agent, ("Review", monday.AddHours(10), monday.AddHours(11)));
        var day = LocalDate.FromDateTime(monday.UtcDateTime);

        var slots = await host.FreeSlots.SlotsAsync(agent, day, day);

        var starts = slots.Slots.Select(s => s.StartTime.ToDateTimeOffset().TimeOfDay.ToString(@"hh\:mm")).ToList();
        Assert.Equal("09:00", starts[0]);
        Assert.Contains("09:15", starts);
        Assert.DoesNotContain("09:30", starts);
        Assert.DoesNotContain("10:45", starts);
        Assert.Equal("11:15", starts[starts.IndexOf("09:15") + 1]);
        Assert.Equal("16:30", starts[^1]);
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    public async Task ListFreeSlots_AcrossTheNextDaylightSavingChange_KeepsNineOClockLocal(string zone)
    {
        var agent = await host.SignInAsync("Dora Dst", cancellationToken: Cancel);
        var settings = SettingsTests.London();
        settings.TimeZone = zone;
        settings.WorkingHours.Clear();
        settings.WorkingHours.AddRange(Enumerable.Range(1, 7).Select(d => new Contracts.Calendar.V1.WorkingHours
        {
            DayOfWeek = (Google.Type.DayOfWeek)d, Start = new Google.Type.TimeOfDay { Hours = 9 }, End = new Google.Type.TimeOfDay { Hours = 10 },
        }));
        await host.Settings.UpdateCalendarSettingsAsync(new() { Settings = settings }, agent.Bearer, cancellationToken: Cancel);
        var change = TestDays.NextSwitch(zone);

        var slots = await host.FreeSlots.SlotsAsync(agent, change.PlusDays(-1), change.PlusDays(1));

        var tz = DateTimeZoneProviders.Tzdb[zone];
        var firsts = slots.Slots.Select(s => Instant.FromDateTimeOffset(s.StartTime.ToDateTimeOffset()).InZone(tz))
            .GroupBy(s => s.Date).Select(g => g.First()).ToList();
        Assert.Equal([change.PlusDays(-1), change, change.PlusDays(1)], firsts.Select(f => f.Date));
        Assert.All(firsts, f => Assert.Equal(new LocalTime(9, 0), f.TimeOfDay));
        Assert.NotEqual(firsts[0].Offset, firsts[2].Offset);
    }

    [Fact]
    public async Task ListFreeSlots_ServedFromTheCache_UntilTheServicesOwnWriteInvalidatesIt()
    {
        var agent = await host.SignInAsync("Cas Cached", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Wes Write");
        var monday = TestDays.Monday(3);
        var day = LocalDate.FromDateTime(monday.UtcDateTime);
        await host.FreeSlots.SlotsAsync(agent, day, day);

        // Written behind the service's back: the cached day does not know of it yet.
        await host.AddEventsAsync(agent, ("Unseen", monday.AddHours(9), monday.AddHours(10)));
        var cached = await host.FreeSlots.SlotsAsync(agent, day, day);
        await host.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, monday.AddHours(15)));
        var fresh = await host.FreeSlots.SlotsAsync(agent, day, day);

        Assert.Equal(monday.AddHours(9), cached.Slots[0].StartTime.ToDateTimeOffset());
        Assert.Equal(monday.AddHours(10).AddMinutes(15), fresh.Slots[0].StartTime.ToDateTimeOffset());
        Assert.DoesNotContain(fresh.Slots, s => s.StartTime.ToDateTimeOffset() == monday.AddHours(15));
    }

    [Theory]
    [InlineData(2026, 2, 30, 2026, 3, 1, 0, "startDate")]
    [InlineData(2026, 3, 10, 2026, 3, 1, 0, "endDate")]
    [InlineData(2026, 3, 1, 2026, 6, 1, 0, "endDate")]
    [InlineData(2026, 3, 1, 2026, 3, 2, 501, "maxSlots")]
    public async Task ListFreeSlots_BadRange_IsInvalidArgumentOnTheField(int y1, int m1, int d1, int y2, int m2, int d2, int maxSlots, string field)
    {
        var agent = await host.SignInAsync("Ray Range", cancellationToken: Cancel);
        var request = new Contracts.Calendar.V1.ListFreeSlotsRequest
        {
            StartDate = new Google.Type.Date { Year = y1, Month = m1, Day = d1 },
            EndDate = new Google.Type.Date { Year = y2, Month = m2, Day = d2 },
            MaxSlots = maxSlots,
        };

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.FreeSlots.ListFreeSlotsAsync(request, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal([field], fields);
    }
}
