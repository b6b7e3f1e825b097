using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Google.Type;
using DayOfWeek = Google.Type.DayOfWeek;

namespace AgentCalls.Calendar.Tests;

public sealed class SettingsTests(CalendarServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCalendarSettings_NewAgent_AnswersTheDefaults()
    {
        var agent = await host.SignInAsync("Dee Default", cancellationToken: Cancel);

        var settings = await host.Settings.GetCalendarSettingsAsync(new(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("UTC", settings.TimeZone);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], settings.WorkingHours.Select(h => h.DayOfWeek));
        Assert.Equal((30, 10, 10), (settings.CallLengthMinutes, settings.BufferMinutes, settings.ReminderMinutes));
        Assert.Null(settings.UpdatedAt);
    }

    [Fact]
    public async Task UpdateCalendarSettings_Valid_IsKeptForThatAgentOnly()
    {
        var agent = await host.SignInAsync("Sam Settings", cancellationToken: Cancel);
        var other = await host.SignInAsync("Oli Other", cancellationToken: Cancel);

        await host.Settings.UpdateCalendarSettingsAsync(new() { Settings = London() }, agent.Bearer, cancellationToken: Cancel);
        var read = await host.Settings.GetCalendarSettingsAsync(new(), agent.Bearer, cancellationToken: Cancel);
        var others = await host.Settings.GetCalendarSettingsAsync(new(), other.Bearer, cancellationToken: Cancel);

        Assert.Equal("Europe/London", read.TimeZone);
        Assert.Equal([(DayOfWeek.Tuesday, 8, 24)], read.WorkingHours.Select(h => (h.DayOfWeek, h.Start.Hours, h.End.Hours)));
        Assert.Equal((45, 5, 0), (read.CallLengthMinutes, read.BufferMinutes, read.ReminderMinutes));
        Assert.NotNull(read.UpdatedAt);
        Assert.Equal("UTC", others.TimeZone);
    }

    [Fact]
    public async Task UpdateCalendarSettings_Invalid_IsInvalidArgumentOnEachField_AndChangesNothing()
    {
        var agent = await host.SignInAsync("Ivo Invalid", cancellationToken: Cancel);
        var settings = new CalendarSettings { TimeZone = "Mars/Olympus", CallLengthMinutes = 1, BufferMinutes = 121, ReminderMinutes = -1 };
        settings.WorkingHours.Add(new WorkingHours { DayOfWeek = DayOfWeek.Monday, Start = new TimeOfDay { Hours = 17 }, End = new TimeOfDay { Hours = 9 } });
        settings.WorkingHours.Add(new WorkingHours { DayOfWeek = DayOfWeek.Unspecified, Start = new TimeOfDay { Hours = 9 }, End = new TimeOfDay { Hours = 10 } });

        var fields = await RpcAssert.InvalidArgumentAsync(() =>
            host.Settings.UpdateCalendarSettingsAsync(new() { Settings = settings }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        var after = await host.Settings.GetCalendarSettingsAsync(new(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(["timeZone", "workingHours[0].end", "workingHours[1].dayOfWeek", "callLengthMinutes", "bufferMinutes", "reminderMinutes"], fields);
        Assert.Equal("UTC", after.TimeZone);
    }

    public static CalendarSettings London()
    {
        var settings = new CalendarSettings { TimeZone = "Europe/London", CallLengthMinutes = 45, BufferMinutes = 5, ReminderMinutes = 0 };
        settings.WorkingHours.Add(new WorkingHours { DayOfWeek = DayOfWeek.Tuesday, Start = new TimeOfDay { Hours = 8 }, End = new TimeOfDay { Hours = 24 } });
        return settings;
    }
}
