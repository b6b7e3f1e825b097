using System.Text.Json.Nodes;

namespace AgentCalls.Conversation.Service.Actions;

/// <summary>
/// An action that changes data, proposed to the agent with its arguments. It runs only when the agent confirms it,
/// at most once; a rejected or expired proposal never runs.
/// </summary>
public sealed class ActionProposal(string kind, JsonObject arguments, string source, DateTimeOffset proposedAt)
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>One of <see cref="ActionKinds"/>.</summary>
    public string Kind { get; } = kind;

    public JsonObject Arguments { get; internal set; } = arguments;

    /// <summary>Who proposed it: "agent" (a button), "speech" (matched from what was said), or "model".</summary>
    public string Source { get; } = source;

    public DateTimeOffset ProposedAt { get; } = proposedAt;

    public ProposalState State { get; internal set; } = ProposalState.Proposed;

    /// <summary>The confirm that claimed the proposal; the same request id gets the same answer.</summary>
    public string? RequestId { get; internal set; }

    /// <summary>What running it did, or why it failed.</summary>
    public string? Result { get; internal set; }

    /// <summary>Completes when a confirmed proposal has run (or failed).</summary>
    internal TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public enum ProposalState
{
    Proposed,
    Running,
    Succeeded,
    Failed,
    Rejected,
    Expired,
}
