using System.Text.Json.Nodes;

namespace AgentCalls.Conversation.Service.Actions;

/// <summary>
/// A call's proposed actions and their audit trail. The state changes here are the confirmation rules: only a
/// proposed action can be claimed to run, it is claimed once, and a newer proposal of the same kind expires the older.
/// </summary>
public sealed class CallActions
{
    private readonly Lock gate = new();
    private readonly List<ActionProposal> proposals = [];
    private readonly List<AuditEntry> audit = [];

    public IReadOnlyList<ActionProposal> Proposals()
    {
        lock (gate)
        {
            return [.. proposals];
        }
    }

    public IReadOnlyList<AuditEntry> Audit()
    {
        lock (gate)
        {
            return [.. audit];
        }
    }

    /// <summary>Puts back what a stored call held; a proposal that had left "proposed" has run as far as it will here.</summary>
    public void Restore(IReadOnlyList<ActionProposal> stored, IReadOnlyList<AuditEntry> trail)
    {
        lock (gate)
        {
            proposals.AddRange(stored);
            audit.AddRange(trail);
        }

        foreach (var proposal in stored.Where(p => p.State != ProposalState.Proposed))
        {
            proposal.Ran.TrySetResult();
        }
    }

    public ActionProposal? Find(string proposalId)
    {
        lock (gate)
        {
            return proposals.FirstOrDefault(p => p.Id.ToString() == proposalId);
        }
    }

    /// <summary>Adds a proposal; an open proposal of the same kind is expired by it (the conversation moved on).</summary>
    public (ActionProposal Added, IReadOnlyList<ActionProposal> Expired) Propose(ActionProposal proposal)
    {
        lock (gate)
        {
            var expired = proposals.Where(p => p.Kind == proposal.Kind && p.State == ProposalState.Proposed).ToList();
            foreach (var old in expired)
            {
                old.State = ProposalState.Expired;
                Record(old, "expired", proposal.ProposedAt);
            }

            proposals.Add(proposal);
            Record(proposal, "proposed", proposal.ProposedAt);
            return (proposal, expired);
        }
    }

    /// <summary>
    /// Claims the proposal to run with <paramref name="arguments"/> (the agent's edits, or its own); false when it was
    /// already claimed, rejected or expired. A repeated request id finds the claim it made.
    /// </summary>
    public bool TryClaim(ActionProposal proposal, string requestId, JsonObject? arguments, DateTimeOffset at)
    {
        lock (gate)
        {
            if (proposal.State != ProposalState.Proposed)
            {
                return false;
            }

            proposal.State = ProposalState.Running;
            proposal.RequestId = requestId;
            if (arguments is not null)
            {
                proposal.Arguments = arguments;
            }

            Record(proposal, "confirmed", at);
            return true;
        }
    }

    public bool TryReject(ActionProposal proposal, DateTimeOffset at)
    {
        lock (gate)
        {
            if (proposal.State != ProposalState.Proposed)
            {
                return false;
            }

            proposal.State = ProposalState.Rejected;
            Record(proposal, "rejected", at);
            return true;
        }
    }

    public void Finish(ActionProposal proposal, bool succeeded, string result, DateTimeOffset at)
    {
        lock (gate)
        {
            proposal.State = succeeded ? ProposalState.Succeeded : ProposalState.Failed;
            proposal.Result = result;
            Record(proposal, succeeded ? "succeeded" : "failed", at, result);
        }

        proposal.Ran.TrySetResult();
    }

    public const string InterruptedResult =
        "Interrupted: AgentCalls stopped while this ran, so whether it was done is unknown. Check the client and the calendar before doing it again.";

    /// <summary>
    /// Fails the proposals a process that is gone was running (restored as running: no run of this process will finish
    /// them), saying so, so a call's log never shows an action as running forever. Returns them.
    /// </summary>
    public IReadOnlyList<ActionProposal> FailInterrupted(DateTimeOffset at)
    {
        lock (gate)
        {
            var interrupted = proposals.Where(p => p.State == ProposalState.Running && p.Ran.Task.IsCompleted).ToList();
            foreach (var proposal in interrupted)
            {
                proposal.State = ProposalState.Failed;
                proposal.Result = InterruptedResult;
                Record(proposal, "failed", at, InterruptedResult);
            }

            return interrupted;
        }
    }

    /// <summary>Everything still open expires when the call ends: nothing runs after the call unconfirmed.</summary>
    public void ExpireOpen(DateTimeOffset at)
    {
        lock (gate)
        {
            foreach (var open in proposals.Where(p => p.State == ProposalState.Proposed))
            {
                open.State = ProposalState.Expired;
                Record(open, "expired", at);
            }
        }
    }

    /// <summary>Follow-ups for the call's log: what was done, then what was proposed and left open.</summary>
    public IReadOnlyList<string> FollowUps()
    {
        lock (gate)
        {
            return
            [
                .. proposals.Where(p => p.State == ProposalState.Succeeded).Select(p => $"Done: {p.Result}"),
                .. proposals.Where(p => p.State is ProposalState.Proposed or ProposalState.Expired).Select(p => $"Open: {Describe(p)}"),
            ];
        }
    }

    public static string Describe(ActionProposal proposal) => $"{proposal.Kind.Replace('_', ' ')} {proposal.Arguments.ToJsonString()}";

    private void Record(ActionProposal proposal, string step, DateTimeOffset at, string? result = null) =>
        audit.Add(new AuditEntry(at, step, proposal.Id.ToString(), proposal.Kind, proposal.Arguments.ToJsonString(), result));
}
