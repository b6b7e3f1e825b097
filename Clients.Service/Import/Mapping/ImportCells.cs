using System.Globalization;
using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.Import.Mapping;

/// <summary>
/// Reads one CSV cell as the value it stands for, the way agency exports write them; each returns the value, or
/// null and the reason. Empty cells are never errors here: they mean "not given".
/// </summary>
public static class ImportCells
{
    // Agency systems write US dates, with two- or four-digit years, month names, or a time of midnight after them.
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "M/d/yyyy", "M/d/yy", "M-d-yyyy", "M-d-yy", "yyyy/M/d", "yyyyMMdd", "d-MMM-yyyy", "d-MMM-yy", "MMM d, yyyy", "MMMM d, yyyy",
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss",
    ];
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "h:mm tt", "h tt", "htt", "h:mmtt"];

    public static (DateOnly? Value, string? Error) Date(string cell) =>
        DateOnly.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (null, "is not a date (YYYY-MM-DD or M/D/YYYY).");

    public static (DateTimeOffset? Value, string? Error) Instant(string cell)
    {
        if (Date(cell) is ({ } date, null))
        {
            return (new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null);
        }

        return DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at.ToUniversalTime(), null)
            : (null, "is not a date or an ISO 8601 time.");
    }

    public static (TimeOnly? Value, string? Error) Time(string cell) =>
        TimeOnly.TryParseExact(cell.ToUpperInvariant(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var time)
            ? (time, null)
            : (null, "is not a time of day (HH:mm or h:mm AM).");

    public static (bool? Value, string? Error) YesNo(string cell) => Letters(cell) switch
    {
        "yes" or "y" or "true" or "t" or "1" or "x" => (true, null),
        "no" or "n" or "false" or "f" or "0" => (false, null),
        _ => (null, "is not yes or no."),
    };

    public static (RecordingConsent? Value, string? Error) Consent(string cell) => Letters(cell) switch
    {
        "granted" or "yes" or "y" or "true" or "1" or "consented" => (RecordingConsent.Granted, null),
        "declined" or "no" or "n" or "false" or "0" or "refused" => (RecordingConsent.Declined, null),
        "unknown" or "notasked" => (RecordingConsent.Unknown, null),
        _ => (null, "is not granted, declined or unknown."),
    };

    /// <summary>The line of business a cell names; null when it names none we know (the row keeps it as other).</summary>
    public static LineOfBusiness? Line(string cell) => Letters(cell) switch
    {
        "auto" or "automobile" or "car" or "personalauto" or "pauto" or "ppa" => LineOfBusiness.Auto,
        "home" or "homeowners" or "homeowner" or "ho" or "ho3" or "ho5" or "dwelling" or "dwellingfire" or "dp3" => LineOfBusiness.Home,
        "renters" or "renter" or "ho4" or "tenant" => LineOfBusiness.Renters,
        "condo" or "condominium" or "ho6" => LineOfBusiness.Condo,
        "umbrella" or "personalumbrella" or "pumbr" => LineOfBusiness.Umbrella,
        "life" or "termlife" or "wholelife" => LineOfBusiness.Life,
        "health" or "medical" => LineOfBusiness.Health,
        "commercial" or "business" or "bop" or "businessowners" or "commercialauto" or "generalliability" or "gl" => LineOfBusiness.Commercial,
        "other" => LineOfBusiness.Other,
        _ => null,
    };

    /// <summary>The status a cell names; null when it names none we know (the row keeps it as other).</summary>
    public static PolicyStatus? Status(string cell) => Letters(cell) switch
    {
        "quote" or "quoted" or "prospect" => PolicyStatus.Quote,
        "active" or "inforce" or "current" or "bound" or "renewed" or "reinstated" => PolicyStatus.Active,
        "pendingrenewal" or "renewing" or "renewalpending" => PolicyStatus.PendingRenewal,
        "lapsed" or "lapse" or "nonpayment" => PolicyStatus.Lapsed,
        "cancelled" or "canceled" or "cancel" => PolicyStatus.Cancelled,
        "expired" or "nonrenewed" => PolicyStatus.Expired,
        "other" => PolicyStatus.Other,
        _ => null,
    };

    /// <summary>
    /// A premium in major units ("1,234.50", "$99", "1.234,50") as minor units of <paramref name="currency"/>: the
    /// last of "." and "," is the decimal separator when two or fewer digits follow it.
    /// </summary>
    public static (long? Value, string? Error) Premium(string cell, string currency)
    {
        var text = new string([.. cell.Where(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-')]);
        var separator = text.LastIndexOfAny(['.', ',']);
        var decimals = separator >= 0 && text.Length - separator - 1 <= 2 ? text.Length - separator - 1 : 0;
        var digits = new string([.. text.Where(c => char.IsAsciiDigit(c) || c == '-')]);
        if (digits.Length == 0 || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var units))
        {
            return (null, "is not an amount (for example 1234.50).");
        }

        var minorDigits = Currencies.MinorDigits(currency);
        if (decimals > minorDigits)
        {
            return (null, $"has more decimals than {currency} has ({minorDigits}).");
        }

        var minor = units * (long)Math.Pow(10, minorDigits - decimals);
        return PolicyRules.Premium(minor) is { } error ? (null, error) : (minor, null);
    }

    /// <summary>The parts of a cell holding several values ("a; b", "a, b").</summary>
    public static IEnumerable<string> List(string cell) =>
        cell.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Letters(string cell) => new([.. cell.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
