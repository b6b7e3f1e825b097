using System.Text.RegularExpressions;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Documents;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>Makes a citation of a passage and a quote, locating the quote in the document so the web app can highlight it.</summary>
public static partial class CitationBuilder
{
    public static Citation Cite(int number, PassageRow passage, string quote)
    {
        var citation = new Citation { Number = number, Passage = passage.ToMessage(), Quote = quote, QuoteStart = passage.StartOffset, QuoteEnd = passage.EndOffset };
        if (quote.Length == 0)
        {
            citation.Verified = true;
            return citation;
        }

        var at = Find(passage.Text, quote);
        if (at is { } found)
        {
            citation.Verified = true;
            citation.QuoteStart = passage.StartOffset + found.Start;
            citation.QuoteEnd = passage.StartOffset + found.End;
        }
        else
        {
            citation.Problem = "The quoted words are not in the cited passage.";
        }

        return citation;
    }

    /// <summary>Where <paramref name="quote"/> lies in <paramref name="text"/>, ignoring case, spacing, line breaks and curly quotes.</summary>
    public static (int Start, int End)? Find(string text, string quote)
    {
        var words = WordPattern().Matches(quote).Select(m => Regex.Escape(Straighten(m.Value))).ToArray();
        if (words.Length == 0)
        {
            return null;
        }

        var pattern = string.Join(@"[\s\W]*?", words.Select(w => w));
        var match = Regex.Match(Straighten(text), pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        return match.Success ? (match.Index, match.Index + match.Length) : null;
    }

    private static string Straighten(string text) =>
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"');

    [GeneratedRegex(@"[\p{L}\p{N}$%'’.,\-/]+")]
    private static partial Regex WordPattern();
}
