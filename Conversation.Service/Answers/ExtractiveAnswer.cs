using System.Text;
using System.Text.RegularExpressions;
using AgentCalls.Contracts.Conversation.V1;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>The offline answer: from the best passages, the sentences that share the most of the question's words, quoted and cited.</summary>
public static partial class ExtractiveAnswer
{
    private const int PassagesUsed = 2;
    private const int SentencesPerPassage = 2;

    public static AskDocumentsResponse Build(IReadOnlySet<string> questionTerms, IReadOnlyList<ScoredPassageRow> relevant)
    {
        var answer = new StringBuilder();
        var response = new AskDocumentsResponse { Final = true, Covered = true, Source = "extractive" };
        foreach (var result in relevant.Take(PassagesUsed))
        {
            var passage = result.Passage;
            var sentences = Sentences(passage.Text)
                .Select((sentence, index) => (Sentence: sentence, Index: index, Score: QueryTerms.Overlap(questionTerms, sentence)))
                .Where(s => s.Score > 0)
                .OrderByDescending(s => s.Score).ThenBy(s => s.Index)
                .Take(SentencesPerPassage)
                .OrderBy(s => s.Index)
                .ToList();
            if (sentences.Count == 0)
            {
                continue;
            }

            var number = response.Citations.Count + 1;
            var quote = string.Join(" ", sentences.Select(s => s.Sentence));
            response.Citations.Add(CitationBuilder.Cite(number, passage, quote));
            answer.Append(answer.Length > 0 ? "\n\n" : "").Append($"{Where(passage)}: “{quote}” [{number}]");
        }

        response.Answer = answer.ToString();
        response.Text = response.Answer;
        return response;
    }

    private static string Where(Documents.PassageRow passage)
    {
        var place = passage.HeadingPath.Length > 0 ? $", {string.Join(" > ", passage.HeadingPath)}" : passage.Page is { } page ? $", page {page}" : "";
        return passage.DocumentTitle + place;
    }

    /// <summary>Sentences end at . ! ? before a space; a line break ends one too (list items, table rows, PDF lines).</summary>
    public static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceBreak();
}
