using AgentCalls.Conversation.Service.Assist.Playbooks;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Service.Assist.Cards;

/// <summary>The playbook card a client's utterance calls for: the enabled card with the nearest example, if near enough.</summary>
public sealed class CardMatcher(MeaningMatch meaning, IOptions<AssistOptions> options)
{
    public MeaningMatch.Match<PlaybookCard>? Match(float[] utterance, IReadOnlyList<PlaybookCard> cards, CancellationToken cancellationToken)
    {
        var phrases = cards.Where(c => c.Enabled).SelectMany(card => card.Examples.Select(example => (card, example))).ToList();
        return meaning.Best(utterance, phrases, options.Value.CardThreshold, cancellationToken);
    }
}
