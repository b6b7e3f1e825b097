using System.Text;
using System.Text.RegularExpressions;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Ai;
using Microsoft.Extensions.AI;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>
/// The documentation model's answer from the given passages, streamed as written, then checked: a citation of a
/// passage that was not given is dropped from the answer, a quote that is not in its passage is kept but flagged.
/// </summary>
public static partial class GeneratedAnswer
{
    private const string NotCoveredReply = "NOT COVERED";

    private const string Instructions = $"""
        You answer an insurance agent's question using only the numbered passages from the agency's documents below.
        Cite every claim right after it with the passage number and the exact sentence it rests on, copied word for word:
        [P2: "exact sentence from passage 2"]. Do not use anything you know that is not in the passages.
        If the passages do not answer the question, reply with exactly: {NotCoveredReply}
        """;

    public static async Task WriteAsync(
        IChatClient model, Guid agentId, string question, IReadOnlyList<ScoredPassageRow> passages, Func<AskDocumentsResponse, Task> write, CancellationToken cancellationToken)
    {
        var prompt = new StringBuilder("Passages:\n");
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i].Passage;
            var place = string.Join(" > ", new[] { p.DocumentTitle }.Concat(p.HeadingPath)) + (p.Page is { } page ? $", page {page}" : "");
            prompt.Append($"\n[P{i + 1}] ({place})\n{p.Text}\n");
        }

        prompt.Append($"\nQuestion: {question}");
        var written = new StringBuilder();
        await foreach (var update in model.GetStreamingResponseAsync(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, prompt.ToString())],
            new ChatOptions { Temperature = 0 }.ForAgent(agentId), cancellationToken))
        {
            if (update.Text.Length > 0)
            {
                written.Append(update.Text);
                await write(new AskDocumentsResponse { Text = update.Text, Source = "generated" });
            }
        }

        await write(Check(written.ToString(), passages));
    }

    /// <summary>The final message: citations renumbered [1], [2]… in the order they appear, the fabricated ones gone.</summary>
    public static AskDocumentsResponse Check(string written, IReadOnlyList<ScoredPassageRow> passages)
    {
        if (written.Trim().Trim('.').Equals(NotCoveredReply, StringComparison.OrdinalIgnoreCase))
        {
            return DocumentAnswerer.NotCoveredAnswer("generated");
        }

        var response = new AskDocumentsResponse { Final = true, Covered = true, Source = "generated" };
        var answer = CitationPattern().Replace(written, match =>
        {
            var index = int.Parse(match.Groups["passage"].Value) - 1;
            if (index < 0 || index >= passages.Count)
            {
                return "";
            }

            var number = response.Citations.Count + 1;
            response.Citations.Add(CitationBuilder.Cite(number, passages[index].Passage, match.Groups["quote"].Value.Trim()));
            return $"[{number}]";
        });
        response.Answer = SpaceBeforePunctuation().Replace(answer, "$1").Trim();
        return response;
    }

    [GeneratedRegex("""\[P(?<passage>\d{1,3})(?:\s*[:,]\s*["“](?<quote>[^"”\]]*)["”])?\s*\]""")]
    private static partial Regex CitationPattern();

    // A dropped citation leaves "claim ." behind.
    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}
