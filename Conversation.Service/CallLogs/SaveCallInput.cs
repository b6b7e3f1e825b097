using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>What the agent saves a call's log with, checked.</summary>
public sealed record SaveCallInput(string Summary, CallOutcome Outcome, string OutcomeNote, IReadOnlyList<string> FollowUps)
{
    public static SaveCallInput Of(CallDraft draft) => new(draft.Summary, draft.Outcome, "", [.. draft.FollowUps]);

    public static SaveCallInput From(SaveCallRequest request)
    {
        var violations = new FieldViolations();
        if (request.Summary.Length > 4000)
        {
            violations.Add("summary", "is longer than 4000 characters.");
        }

        if (request.Outcome == CallOutcome.Unspecified || !Enum.IsDefined(request.Outcome))
        {
            violations.Add("outcome", "is required.");
        }

        if (request.OutcomeNote.Length > 200)
        {
            violations.Add("outcomeNote", "is longer than 200 characters.");
        }

        if (request.FollowUps.Count > 20 || request.FollowUps.Any(f => f.Length > 500))
        {
            violations.Add("followUps", "are at most 20 of at most 500 characters.");
        }

        violations.ThrowIfAny();
        return new SaveCallInput(request.Summary.Trim(), request.Outcome, request.OutcomeNote.Trim(), [.. request.FollowUps.Select(f => f.Trim()).Where(f => f.Length > 0)]);
    }
}
