using System.Text.RegularExpressions;
using AgentCalls.Clients.Service.Policies;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>A checked ListClients request: the query box, the filters and the order.</summary>
public sealed record ClientQuery
{
    public string Text { get; init; } = "";

    public int? RenewalDueWithinDays { get; init; }

    public bool Lapsed { get; init; }

    public int? NotContactedForDays { get; init; }

    public LineOfBusiness? LineOfBusiness { get; init; }

    public string? Carrier { get; init; }

    public PolicyStatus? PolicyStatus { get; init; }

    public string? Tag { get; init; }

    public Guid? HouseholdId { get; init; }

    public ClientSortOrder Order { get; init; }
}

public enum ClientSortOrder
{
    Name,
    Relevance,
    LastContacted,
    NextRenewal,
    RecentlyAdded,
}

/// <summary>How the query box's text is matched: as a substring, as word prefixes, as phone digits, and, failing all of those, with typos.</summary>
public static partial class QueryText
{
    /// <summary>A LIKE pattern for the text anywhere in the search text (LIKE's own wildcards escaped).</summary>
    public static string Contains(string text) => "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    /// <summary>The full-text query: each word as a prefix, all required; null when the text has no words.</summary>
    public static string? Prefixes(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value + ":*").ToList();
        return words.Count == 0 ? null : string.Join(" & ", words);
    }

    /// <summary>The digits of text that looks like a phone number (mostly digits, at least four), else null.</summary>
    public static string? PhoneDigits(string text)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        var letters = text.Count(char.IsLetter);
        return digits.Length >= 4 && letters == 0 ? digits.TrimStart('0') : null;
    }

    /// <summary>
    /// The words of text that may hold typos: a name's. Null when a word has a digit or the text an @ (a phone, policy
    /// number or e-mail address is typed from a record, and looked up strictly).
    /// </summary>
    public static IReadOnlyList<string>? TypoWords(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        return words.Count > 0 && !text.Contains('@') && words.All(w => w.All(char.IsLetter)) ? words : null;
    }

    /// <summary>
    /// The word with each pair of neighbouring letters swapped. Trigrams hardly see this typo in a short word
    /// ("nacny" shares 2 of 10 trigrams with "nancy"), so these spellings are looked up as they are.
    /// </summary>
    public static string[] Swaps(string word) =>
    [
        .. Enumerable.Range(0, word.Length - 1)
            .Where(i => word[i] != word[i + 1])
            .Select(i => string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1, 1), word.AsSpan(i, 1), word.AsSpan(i + 2))),
    ];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
