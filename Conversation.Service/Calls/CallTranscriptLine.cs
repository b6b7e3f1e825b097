namespace AgentCalls.Conversation.Service.Calls;

/// <summary>One final utterance of a call not yet logged, written as it arrives; the row's id keeps the order.</summary>
public sealed class CallTranscriptLine
{
    public long Id { get; init; }

    public required Guid CallId { get; init; }

    public required string Speaker { get; init; }

    public TimeSpan Start { get; init; }

    public TimeSpan End { get; init; }

    public required string Text { get; init; }
}
