namespace AgentCalls.Conversation.Service.Assist;

/// <summary>
/// Anchors for what a call is mostly made of: greetings, acknowledgements, hesitation. An utterance closer to one of
/// these than to any card or action means nothing to act on; without them, polite filler lands near the nearest card.
/// </summary>
public static class SmallTalk
{
    public static readonly IReadOnlyList<string> Phrases =
    [
        "hello how are you",
        "okay thank you",
        "yes that's right",
        "let me think about it",
        "can you hear me",
        "hold on a second",
        "sure go ahead",
        "I see",
        "thanks for calling",
        "I need to think it over",
        "I'm not sure yet",
        "my details have changed",
        "it's been a long week",
    ];
}
