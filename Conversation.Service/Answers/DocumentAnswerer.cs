using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>
/// Answers a question from one agent's documents only. Passages count as relevant when both signals agree
/// (embedding similarity and the question's own words); with none, the answer is "not covered" and no model is
/// asked. With the documentation role configured the model writes the answer from the relevant passages and every
/// citation is checked; without it, or when the agent's LLM allowance is used up, the answer is extractive.
/// </summary>
public sealed class DocumentAnswerer(
    PassageSearch search,
    IOptions<AnswersOptions> options,
    ILogger<DocumentAnswerer> logger,
    [FromKeyedServices(LlmRole.Documentation)] IChatClient? documentation = null)
{
    public const string NotCovered = "The documents do not cover this question.";

    /// <summary>Writes the answer as it comes: pieces of text, then one final message with the checked citations.</summary>
    public async Task AskAsync(Guid agentId, string question, Func<AskDocumentsResponse, Task> write, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var terms = QueryTerms.Of(question);
        var results = await search.SearchAsync(agentId, question, settings.Passages, cancellationToken);
        var relevant = results
            .Where(r => r.Similarity >= settings.MinSimilarity && QueryTerms.Overlap(terms, string.Join(" ", r.Passage.HeadingPath) + " " + r.Passage.Text) >= settings.MinTermOverlap)
            .ToList();
        if (relevant.Count == 0)
        {
            await write(NotCoveredAnswer(documentation is null ? "extractive" : "generated"));
            return;
        }

        if (documentation is not null)
        {
            try
            {
                await GeneratedAnswer.WriteAsync(documentation, agentId, question, relevant, write, cancellationToken);
                return;
            }
            catch (LlmCallLimitExceededException e)
            {
                LogLimitReached(logger, agentId, e.RetryAt, null);
            }
        }

        await write(ExtractiveAnswer.Build(terms, relevant));
    }

    public static AskDocumentsResponse NotCoveredAnswer(string source) =>
        new() { Text = NotCovered, Answer = NotCovered, Final = true, Covered = false, Source = source };

    // Defined by hand: two logging source generators reach this project (Microsoft.Extensions.AI brings the telemetry
    // one) and both would implement a [LoggerMessage] method.
    private static readonly Action<ILogger, Guid, DateTimeOffset, Exception?> LogLimitReached = LoggerMessage.Define<Guid, DateTimeOffset>(
        LogLevel.Information, new EventId(1, "LlmLimitReached"), "Agent {AgentId} reached the LLM call limit until {RetryAt}; answering extractively.");
}
