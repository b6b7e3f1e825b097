using System.Text.RegularExpressions;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>
/// The rules a client's fields follow, shared by the API (which reports field violations) and the CSV import
/// (which reports line, column and reason). Each returns the normalised value, or null and the reason.
/// </summary>
public static partial class ClientRules
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 320;
    public const int MaxPhones = 10;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxNotesLength = 10_000;
    public const int MaxReasonLength = 500;
    public const int MaxExternalIdLength = 100;
    public const int MaxAddressPartLength = 200;

    public static (string? Value, string? Error) Name(string raw)
    {
        var name = raw.Trim();
        return name.Length switch
        {
            0 => (null, "is required."),
            > MaxNameLength => (null, $"is longer than {MaxNameLength} characters."),
            _ => (name, null),
        };
    }

    public static (string? Value, string? Error) Email(string raw)
    {
        var email = raw.Trim().ToLowerInvariant();
        if (email.Length == 0)
        {
            return (null, null);
        }

        return email.Length <= MaxEmailLength && EmailPattern().IsMatch(email)
            ? (email, null)
            : (null, "is not an e-mail address.");
    }

    public static (string? Value, string? Error) Phone(string raw, string region) =>
        E164.Normalize(raw, region) is { } number ? (number, null) : (null, $"is not a phone number (numbers without a country code are read as {region}).");

    public static (string? Value, string? Error) TimeZone(string raw)
    {
        var zone = raw.Trim();
        return zone.Length == 0 ? (null, null)
            : TimeZones.IsKnown(zone) ? (zone, null)
            : (null, "is not an IANA time zone (for example America/Chicago).");
    }

    public static (string? Value, string? Error) CountryCode(string raw)
    {
        var code = raw.Trim().ToUpperInvariant();
        return code.Length == 0 ? (null, null)
            : Regions.IsKnown(code) ? (code, null)
            : (null, "is not an ISO 3166-1 alpha-2 country code (for example US).");
    }

    public static (List<string>? Value, string? Error) Tags(IEnumerable<string> raw)
    {
        var tags = raw.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > MaxTags)
        {
            return (null, $"has more than {MaxTags} tags.");
        }

        return tags.Any(t => t.Length > MaxTagLength) ? (null, $"has a tag longer than {MaxTagLength} characters.") : (tags, null);
    }

    public static (DateOnly? Value, string? Error) DateOfBirth(DateOnly? date, DateOnly today) =>
        date is { } d && (d > today || d.Year < 1900) ? (null, "is not a plausible date of birth (from 1900 to today).") : (date, null);

    public static (string? Value, string? Error) Text(string raw, int maxLength)
    {
        var text = raw.Trim();
        return text.Length == 0 ? (null, null)
            : text.Length > maxLength ? (null, $"is longer than {maxLength} characters.")
            : (text, null);
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailPattern();
}
