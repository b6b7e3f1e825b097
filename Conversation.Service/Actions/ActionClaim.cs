namespace AgentCalls.Conversation.Service.Actions;

/// <summary>
/// The confirm that won a proposal, in conversationdb: the one place every process asks, so a proposal runs once even
/// when two copies of its call (two requests, two replicas) are confirmed at the same moment. Goes with its call.
/// </summary>
public sealed class ActionClaim
{
    public required Guid ProposalId { get; init; }

    public required Guid CallId { get; init; }

    public required string RequestId { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }
}
