using System.Text.RegularExpressions;
using NodaTime;

namespace AgentCalls.Conversation.Service.Assist.Intents;

/// <summary>
/// The day and time a spoken phrase names ("next Tuesday at ten", "tomorrow afternoon", "Friday at 3:30 pm", "in two
/// weeks"), in the client's time zone. Transcripts carry no punctuation and spell numbers out, so both forms are read.
/// A weekday alone is the next one after today; "next" with a weekday is that day in the following week. An hour
/// without am/pm is a business hour (1–6 afternoon, 7–11 morning); a day without a time is 10:00. No library that
/// reads such phrases restores on .NET 10 here (Microsoft.Recognizers.Text.DateTime does not), hence this small one.
/// </summary>
public static partial class TimePhrase
{
    private static readonly LocalTime DefaultTime = new(10, 0);

    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>The moment named, or null when the phrase names no day and no time.</summary>
    public static ZonedDateTime? Resolve(string phrase, Instant now, DateTimeZone zone)
    {
        var text = Numbers(phrase.ToLowerInvariant());
        var today = now.InZone(zone).Date;
        var day = Day(text, today);
        var time = Time(text);
        if (day is null && time is null)
        {
            return null;
        }

        var at = (day ?? today).At(time ?? DefaultTime).InZoneLeniently(zone);
        // "At three" said at four means tomorrow's three.
        return day is null && at.ToInstant() <= now ? today.PlusDays(1).At(time!.Value).InZoneLeniently(zone) : at;
    }

    private static LocalDate? Day(string text, LocalDate today)
    {
        if (DayAfterTomorrow().IsMatch(text))
        {
            return today.PlusDays(2);
        }

        if (Tomorrow().IsMatch(text))
        {
            return today.PlusDays(1);
        }

        if (Today().IsMatch(text))
        {
            return today;
        }

        if (Weekday().Match(text) is { Success: true } weekday)
        {
            var target = Enum.Parse<IsoDayOfWeek>(weekday.Groups["day"].Value, ignoreCase: true);
            if (weekday.Groups["next"].Success)
            {
                var mondayNextWeek = today.PlusDays(8 - (int)today.DayOfWeek);
                return mondayNextWeek.PlusDays((int)target - 1);
            }

            return today.Next(target);
        }

        if (InSoMany().Match(text) is { Success: true } inSoMany)
        {
            var count = inSoMany.Groups["count"].Value == "a" ? 1 : Number(inSoMany.Groups["count"].Value);
            return inSoMany.Groups["unit"].Value.StartsWith("week") ? today.PlusWeeks(count) : today.PlusDays(count);
        }

        return NextWeek().IsMatch(text) ? today.PlusDays(8 - (int)today.DayOfWeek) : null;
    }

    private static LocalTime? Time(string text)
    {
        if (Noon().IsMatch(text))
        {
            return new LocalTime(12, 0);
        }

        var part = PartOfDay().Match(text) is { Success: true } p ? p.Groups["part"].Value : null;
        if (Clock().Match(text) is { Success: true } clock)
        {
            var hour = int.Parse(clock.Groups["hour"].Value);
            var minute = clock.Groups["minute"].Success ? int.Parse(clock.Groups["minute"].Value) : 0;
            if (hour is < 1 or > 12 || minute > 59)
            {
                return null;
            }

            var meridiem = clock.Groups["meridiem"].Value;
            var afternoon = meridiem.StartsWith('p') || part is "afternoon" or "evening" || (meridiem.Length == 0 && part is null && hour <= 6);
            var morning = meridiem.StartsWith('a') || part == "morning";
            hour = hour == 12 ? (morning ? 0 : 12) : afternoon && !morning ? hour + 12 : hour;
            return new LocalTime(hour, minute);
        }

        return part switch
        {
            "morning" => new LocalTime(10, 0),
            "afternoon" => new LocalTime(14, 0),
            "evening" or "tonight" => new LocalTime(18, 0),
            _ => null,
        };
    }

    /// <summary>Spelled-out times as digits: "ten thirty" → "10:30", "half past two" → "2:30", "at four" → "at 4".</summary>
    private static string Numbers(string text)
    {
        text = HalfPast().Replace(text, m => $"{Number(m.Groups["hour"].Value)}:30");
        text = QuarterPast().Replace(text, m => $"{Number(m.Groups["hour"].Value)}:15");
        text = SpokenMinutes().Replace(text, m => $"{Number(m.Groups["hour"].Value)}:{Minutes(m.Groups["minutes"].Value):00}");
        return SpokenHour().Replace(text, m => $"{m.Groups["at"].Value}{Number(m.Groups["hour"].Value)}");
    }

    private static int Number(string word) => int.TryParse(word, out var n) ? n : Array.IndexOf(NumberWords, word);

    private static int Minutes(string words) => words switch
    {
        "fifteen" => 15,
        "thirty" => 30,
        "forty five" or "forty-five" => 45,
        _ => 0,
    };

    private const string HourWord = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|[1-9]";

    [GeneratedRegex(@"\bhalf past (?<hour>" + HourWord + @")\b")]
    private static partial Regex HalfPast();

    [GeneratedRegex(@"\bquarter past (?<hour>" + HourWord + @")\b")]
    private static partial Regex QuarterPast();

    [GeneratedRegex(@"\b(?<hour>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?<minutes>fifteen|thirty|forty[ -]five|o'?clock)\b")]
    private static partial Regex SpokenMinutes();

    [GeneratedRegex(@"(?<at>\b(?:at|around|about|by) )(?<hour>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b")]
    private static partial Regex SpokenHour();

    [GeneratedRegex(@"(?:\b(?:at|around|about|by) (?<hour>1[0-2]|0?[1-9])(?:[:.](?<minute>[0-5]\d))?(?:\s*(?<meridiem>a\.?m\.?|p\.?m\.?))?|\b(?<hour>1[0-2]|0?[1-9])(?:[:.](?<minute>[0-5]\d))\s*(?<meridiem>a\.?m\.?|p\.?m\.?)?|\b(?<hour>1[0-2]|0?[1-9])\s*(?<meridiem>a\.?m\.?|p\.?m\.?))(?=\W|$)")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(?:noon|midday)\b")]
    private static partial Regex Noon();

    [GeneratedRegex(@"\b(?:in the |this )?(?<part>morning|afternoon|evening|tonight)\b")]
    private static partial Regex PartOfDay();

    [GeneratedRegex(@"\bday after tomorrow\b")]
    private static partial Regex DayAfterTomorrow();

    [GeneratedRegex(@"\btomorrow\b")]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(?:today|tonight|this (?:morning|afternoon|evening))\b")]
    private static partial Regex Today();

    [GeneratedRegex(@"(?:\b(?<next>next) )?\b(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\bin (?<count>[1-9]|one|two|three|four|five|six|seven|eight|nine|a) (?<unit>days?|weeks?)\b")]
    private static partial Regex InSoMany();

    [GeneratedRegex(@"\bnext week\b")]
    private static partial Regex NextWeek();
}
