using AgentCalls.Calendar.Service.Settings;
using AgentCalls.Calendar.Service.Slots;
using NodaTime;
using NodaTime.Text;

namespace AgentCalls.Calendar.Tests;

/// <summary>
/// Where calls fit, as wall-clock times in the agent's zone across daylight-saving changes: America/New_York
/// (second Sunday of March, first Sunday of November) and Europe/London (last Sundays of March and October).
/// </summary>
public sealed class FreeSlotFinderTests
{
    private static readonly Duration Hour = Duration.FromHours(1);

    [Fact]
    public void Find_NewYorkSpringForward_SkipsTheHourThatDoesNotExist()
    {
        var settings = Settings("America/New_York", new WorkingDay(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(4, 0)));

        var slots = Find(settings, new LocalDate(2026, 3, 8), Hour);

        Assert.Equal(["00:00", "00:15", "00:30", "00:45", "01:00", "01:15", "01:30", "01:45", "03:00"], LocalStarts(slots, settings));
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 5, 0), slots[0].Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 8, 0), slots[^1].End);
    }

    [Fact]
    public void Find_NewYorkFallBack_OffersTheRepeatedHourTwice()
    {
        var settings = Settings("America/New_York", new WorkingDay(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(4, 0)));

        var slots = Find(settings, new LocalDate(2026, 11, 1), Hour);

        Assert.Equal(17, slots.Count);
        Assert.Equal(8, LocalStarts(slots, settings).Count(t => t.StartsWith("01:", StringComparison.Ordinal)));
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 4, 0), slots[0].Start);
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 9, 0), slots[^1].End);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-06", "2026-03-06T14:00:00Z")]
    [InlineData("America/New_York", "2026-03-09", "2026-03-09T13:00:00Z")]
    [InlineData("America/New_York", "2026-10-30", "2026-10-30T13:00:00Z")]
    [InlineData("America/New_York", "2026-11-02", "2026-11-02T14:00:00Z")]
    [InlineData("Europe/London", "2026-03-28", "2026-03-28T09:00:00Z")]
    [InlineData("Europe/London", "2026-03-29", "2026-03-29T08:00:00Z")]
    [InlineData("Europe/London", "2026-10-24", "2026-10-24T08:00:00Z")]
    [InlineData("Europe/London", "2026-10-25", "2026-10-25T09:00:00Z")]
    public void Find_NineOClockAroundTheSwitch_StartsAtNineLocalWhateverTheOffset(string zone, string day, string firstSlot)
    {
        var settings = Settings(zone, [.. Enum.GetValues<DayOfWeek>().Select(d => new WorkingDay(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))]);

        var slots = Find(settings, LocalDatePattern.Iso.Parse(day).Value, Duration.FromMinutes(30));

        Assert.Equal(InstantPattern.General.Parse(firstSlot).Value, slots[0].Start);
        Assert.Equal("16:30", LocalStarts(slots, settings)[^1]);
    }

    [Fact]
    public void Find_BusyEventWithBuffer_KeepsTheBufferClearOnBothSides()
    {
        var settings = Settings("UTC", new WorkingDay(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)));
        settings.BufferMinutes = 15;
        var busy = new[] { (Instant.FromUtc(2026, 3, 2, 10, 0), Instant.FromUtc(2026, 3, 2, 10, 30)) };

        var slots = FreeSlotFinder.Find(settings, new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 2), busy, Duration.FromMinutes(30), Instant.MinValue, 50);

        Assert.Equal(["09:00", "09:15", "10:45", "11:00", "11:15", "11:30"], LocalStarts(slots, settings));
    }

    [Fact]
    public void Find_DaysOffAndThePast_AreLeftOut()
    {
        var settings = Settings("UTC", new WorkingDay(DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(10, 0)));

        var slots = FreeSlotFinder.Find(settings, new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 4), [], Duration.FromMinutes(30), Instant.FromUtc(2026, 3, 3, 9, 10), 50);

        Assert.Equal([Instant.FromUtc(2026, 3, 3, 9, 15), Instant.FromUtc(2026, 3, 3, 9, 30)], slots.Select(s => s.Start));
    }

    [Fact]
    public void Find_WorkingUntilMidnight_EndsAtTheNextDaysStart()
    {
        var settings = Settings("Europe/London", new WorkingDay(DayOfWeek.Saturday, new TimeOnly(23, 0), TimeOnly.MinValue));

        var slots = Find(settings, new LocalDate(2026, 3, 28), Duration.FromMinutes(30));

        Assert.Equal(["23:00", "23:15", "23:30"], LocalStarts(slots, settings));
    }

    private static AgentSettings Settings(string zone, params WorkingDay[] days) => new()
    {
        AgentId = Guid.NewGuid(),
        TimeZone = zone,
        WorkingHours = [.. days],
        CallLengthMinutes = 30,
        BufferMinutes = 0,
        ReminderMinutes = 10,
    };

    private static List<(Instant Start, Instant End)> Find(AgentSettings settings, LocalDate day, Duration length) =>
        FreeSlotFinder.Find(settings, day, day, [], length, Instant.MinValue, 500);

    private static List<string> LocalStarts(List<(Instant Start, Instant End)> slots, AgentSettings settings) =>
        [.. slots.Select(s => s.Start.InZone(DateTimeZoneProviders.Tzdb[settings.TimeZone]).TimeOfDay.ToString("HH:mm", null))];
}
