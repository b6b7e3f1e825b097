using System.Text.Json.Nodes;

namespace AgentCalls.Conversation.Service.Actions;

/// <summary>A proposal as a live call's row keeps it, so the call can be picked up again after a restart or elsewhere.</summary>
public sealed record ProposalRecord(
    Guid Id, string Kind, string Arguments, string Source, DateTimeOffset ProposedAt, ProposalState State, string? RequestId, string? Result)
{
    public static ProposalRecord Of(ActionProposal proposal) => new(
        proposal.Id, proposal.Kind, proposal.Arguments.ToJsonString(), proposal.Source, proposal.ProposedAt, proposal.State, proposal.RequestId, proposal.Result);

    public ActionProposal ToProposal() => new(Kind, JsonNode.Parse(Arguments)!.AsObject(), Source, ProposedAt)
    {
        Id = Id,
        State = State,
        RequestId = RequestId,
        Result = Result,
    };
}
