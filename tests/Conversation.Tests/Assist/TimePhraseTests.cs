using AgentCalls.Conversation.Service.Assist.Intents;
using NodaTime;
using NodaTime.Text;

namespace AgentCalls.Conversation.Tests.Assist;

/// <summary>Days and times named in speech, resolved in the client's time zone.</summary>
public sealed class TimePhraseTests
{
    private static readonly DateTimeZone Chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];

    // Monday 2 March 2026, 09:00 in Chicago.
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 15, 0);

    [Theory]
    [InlineData("let's talk again next tuesday at ten", "2026-03-10T10:00")]
    [InlineData("call me on tuesday at ten", "2026-03-03T10:00")]
    [InlineData("give me a call tomorrow afternoon", "2026-03-03T14:00")]
    [InlineData("Friday at 3:30 pm works", "2026-03-06T15:30")]
    [InlineData("how about thursday at half past two", "2026-03-05T14:30")]
    [InlineData("let's speak again in two weeks", "2026-03-16T10:00")]
    [InlineData("call me back at four", "2026-03-02T16:00")]
    [InlineData("wednesday at ten thirty in the morning", "2026-03-04T10:30")]
    [InlineData("next week", "2026-03-09T10:00")]
    public void Resolve_SpokenPhrase_IsThatLocalTimeInTheClientsZone(string phrase, string expectedLocal)
    {
        var resolved = TimePhrase.Resolve(phrase, Now, Chicago);

        Assert.Equal(expectedLocal, resolved is { } at ? LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Format(at.LocalDateTime) : null);
        Assert.Equal(Chicago, resolved?.Zone);
    }

    [Fact]
    public void Resolve_AcrossTheSpringChange_KeepsTheLocalHourWithTheNewOffset()
    {
        // Clocks go forward in Chicago on Sunday 8 March 2026.
        var resolved = TimePhrase.Resolve("next tuesday at ten", Now, Chicago)!.Value;

        Assert.Equal(Offset.FromHours(-5), resolved.Offset);
        Assert.Equal(Instant.FromUtc(2026, 3, 10, 15, 0), resolved.ToInstant());
    }

    [Fact]
    public void Resolve_AnHourAlreadyPastToday_IsTomorrow()
    {
        var resolved = TimePhrase.Resolve("ring me at 8 am", Now, Chicago)!.Value;

        Assert.Equal(new LocalDateTime(2026, 3, 3, 8, 0), resolved.LocalDateTime);
    }

    [Theory]
    [InlineData("let's talk again soon")]
    [InlineData("my number is 5551234")]
    public void Resolve_NoDayOrTime_IsNull(string phrase) => Assert.Null(TimePhrase.Resolve(phrase, Now, Chicago));
}
