using AgentCalls.Clients.Service.Standards;


namespace AgentCalls.Clients.Service.Policies;

/// <summary>The rules a policy's fields follow, shared by the API and the CSV import. Each returns the value or the reason.</summary>
public static class PolicyRules
{
    public const int MaxNumberLength = 64;
    public const int MaxCarrierLength = 200;
    public const int MaxNotesLength = 10_000;

    /// <summary>The longest line of business or status text kept from an imported file when it matched no known value.</summary>
    public const int MaxImportedTextLength = 100;

    public static (string? Value, string? Error) Required(string raw, int maxLength)
    {
        var text = raw.Trim();
        return text.Length switch
        {
            0 => (null, "is required."),
            _ when text.Length > maxLength => (null, $"is longer than {maxLength} characters."),
            _ => (text, null),
        };
    }

    public static (string? Value, string? Error) Currency(string raw)
    {
        var code = raw.Trim().ToUpperInvariant();
        return code.Length == 0 ? (Currencies.Default, null)
            : Currencies.IsKnown(code) ? (code, null)
            : (null, "is not an ISO 4217 currency code (for example USD).");
    }

    public static string? Premium(long premiumMinor) => premiumMinor < 0 ? "must not be negative." : null;

    /// <summary>The dates' order; names the field at fault.</summary>
    public static (string Field, string Error)? Dates(DateOnly? effective, DateOnly? expires, DateOnly? ended)
    {
        if (effective is { } start && expires is { } end && end <= start)
        {
            return ("expirationDate", "must be after the effective date.");
        }

        if (effective is { } from && ended is { } stop && stop < from)
        {
            return ("endDate", "must not be before the effective date.");
        }

        return null;
    }

    /// <summary>
    /// Only lapsed and cancelled policies have an end date; they get today's when none is given. A status an import
    /// filed as other may have ended too (a "non-renewed" or "rewritten" policy): its date is kept, never invented.
    /// </summary>
    public static (DateOnly? Value, string? Error) EndDate(PolicyStatus status, DateOnly? ended, DateOnly today) =>
        status is PolicyStatus.Lapsed or PolicyStatus.Cancelled ? (ended ?? today, null)
        : ended is null || status == PolicyStatus.Other ? (ended, null)
        : (null, "is only for lapsed or cancelled policies.");
}
