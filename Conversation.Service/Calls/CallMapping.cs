using AgentCalls.Contracts.Conversation.V1;
using Google.Protobuf.WellKnownTypes;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>A held call as the Calls API returns it.</summary>
public static class CallMapping
{
    public static Call ToContract(this CallSession call)
    {
        var contract = new Call
        {
            CallId = call.Id.ToString(),
            ClientId = call.Client.Id.ToString(),
            ClientName = call.Client.Name,
            State = call.State,
            StartedAt = Timestamp.FromDateTimeOffset(call.StartedAt),
            EndedAt = call.EndedAt is { } ended ? Timestamp.FromDateTimeOffset(ended) : null,
            CalendarEventId = call.CalendarEventId ?? "",
            Draft = call.Draft,
        };
        contract.Transcript.AddRange(call.Transcript().Select(ToContract));
        contract.Actions.AddRange(call.Actions.Proposals().Select(ToContract));
        return contract;
    }

    public static TranscriptLine ToContract(this TranscriptEntry entry) => new()
    {
        Speaker = entry.Speaker,
        Start = Duration.FromTimeSpan(entry.Start),
        End = Duration.FromTimeSpan(entry.End),
        Text = entry.Text,
    };

    public static ActionProposal ToContract(this Actions.ActionProposal proposal) => new()
    {
        ProposalId = proposal.Id.ToString(),
        Kind = proposal.Kind,
        Arguments = Actions.ActionArguments.ToStruct(proposal.Arguments),
        Source = proposal.Source,
        State = proposal.State.ToString().ToLowerInvariant(),
        Result = proposal.Result ?? "",
        ProposedAt = Timestamp.FromDateTimeOffset(proposal.ProposedAt),
    };
}
