using System.Runtime.CompilerServices;
using AgentCalls.Conversation.Service.Calls;

namespace AgentCalls.Conversation.Service.Assist;

/// <summary>
/// What the assistant has shown on one call: the cards (so none is shown twice) and the suggestions and answers (so a
/// reconnecting browser gets them back). Lives as long as the call's session does.
/// </summary>
public sealed class CallAssistMemory
{
    private static readonly ConditionalWeakTable<CallSession, CallAssistMemory> Memories = [];

    private readonly Lock gate = new();
    private readonly HashSet<Guid> shownCards = [];
    private readonly List<SuggestionView> suggestions = [];
    private readonly List<AnswerView> answers = [];

    public static CallAssistMemory Of(CallSession call) => Memories.GetValue(call, _ => new CallAssistMemory());

    /// <summary>Records the suggestion of a card; false when the card was already shown on this call.</summary>
    public bool TryShow(Guid cardId, SuggestionView suggestion)
    {
        lock (gate)
        {
            if (!shownCards.Add(cardId))
            {
                return false;
            }

            suggestions.Add(suggestion);
            return true;
        }
    }

    /// <summary>Records a model's finished suggestion (cards go through <see cref="TryShow"/>).</summary>
    public void AddSuggestion(SuggestionView suggestion)
    {
        lock (gate)
        {
            suggestions.Add(suggestion);
        }
    }

    public void AddAnswer(AnswerView answer)
    {
        lock (gate)
        {
            answers.Add(answer);
        }
    }

    public IReadOnlyList<SuggestionView> Suggestions()
    {
        lock (gate)
        {
            return [.. suggestions];
        }
    }

    public IReadOnlyList<AnswerView> Answers()
    {
        lock (gate)
        {
            return [.. answers];
        }
    }
}
