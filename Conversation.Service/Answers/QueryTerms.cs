using System.Text.RegularExpressions;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>
/// The content words of a question, crudely stemmed, and how many of them a text contains. This is the second
/// signal for "not covered": embedding similarity alone did not separate unanswerable questions (measured; see
/// NOTES-ENVIRONMENT.md), while a passage that shares none of a question's specific words seldom answers it.
/// </summary>
public static partial class QueryTerms
{
    // Function words, and words every insurance question and document shares, which say nothing about the topic.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "do", "doe", "does", "did", "what", "which", "who", "whom", "how", "when",
        "where", "why", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "i", "me", "my", "we", "our", "you", "your",
        "it", "its", "they", "their", "them", "this", "that", "these", "those", "there", "here", "of", "in", "on", "at", "to", "for", "from",
        "by", "with", "about", "as", "into", "under", "over", "and", "or", "not", "no", "if", "than", "then", "so", "any", "all", "some",
        "get", "got", "have", "has", "had", "much", "many", "also", "up", "out", "s", "t",
        "policy", "policie", "cover", "covered", "coverage", "insurance", "insured", "insure", "plan", "include", "included", "includ",
    };

    public static HashSet<string> Of(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => Stem(m.Value)).Where(w => w.Length > 1 && !Ignored.Contains(w))];

    /// <summary>The share of <paramref name="questionTerms"/> found in <paramref name="text"/>, 0 when the question has none.</summary>
    public static double Overlap(IReadOnlySet<string> questionTerms, string text)
    {
        if (questionTerms.Count == 0)
        {
            return 0;
        }

        var textTerms = Of(text);
        return questionTerms.Count(textTerms.Contains) / (double)questionTerms.Count;
    }

    private static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
