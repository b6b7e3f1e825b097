using System.Text.Json.Nodes;
using AgentCalls.Conversation.Service.Calls;
using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;

namespace AgentCalls.Conversation.Service.Actions;

/// <summary>
/// The confirmation rules in one place: an action is proposed, then runs only on the agent's confirm, once (a repeated
/// request id gets the first answer), never after a rejection, a newer proposal of its kind, or the end of the call.
/// Every step goes to the call's audit trail and to the browser.
/// </summary>
public sealed class ActionDesk(ActionRunner runner, CallStore store, CallReader reader, TimeProvider time)
{
    public async Task<ActionProposal> ProposeAsync(CallSession call, string kind, JsonObject arguments, string source, CancellationToken cancellationToken)
    {
        ActionArguments.Check(kind, arguments);
        if (call.State != Contracts.Conversation.V1.CallState.Live)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "The call has ended."));
        }

        var (added, expired) = call.Actions.Propose(new ActionProposal(kind, arguments, source, time.GetUtcNow()));
        await store.SaveStateAsync(call, cancellationToken);
        foreach (var proposal in expired.Append(added))
        {
            await call.PushAsync(new ProposalMessage(ProposalView.Of(proposal)), cancellationToken);
        }

        return added;
    }

    /// <summary>
    /// Proposes for the assistant (speech, model): the same kind with the same arguments still open proposes nothing
    /// new (null), since what is already proposed stands.
    /// </summary>
    public async Task<ActionProposal?> ProposeUnlessOpenAsync(CallSession call, string kind, JsonObject arguments, string source, CancellationToken cancellationToken)
    {
        var asked = arguments.ToJsonString();
        if (call.Actions.Proposals().Any(p => p.Kind == kind && p.State == ProposalState.Proposed && p.Arguments.ToJsonString() == asked))
        {
            return null;
        }

        return await ProposeAsync(call, kind, arguments, source, cancellationToken);
    }

    public async Task<ActionProposal> ConfirmAsync(
        CallSession call, string proposalId, string requestId, JsonObject? edited, string authorization, CancellationToken cancellationToken)
    {
        if (requestId.Length is 0 or > 100)
        {
            throw FieldViolations.Single("requestId", "is required, 1 to 100 characters.");
        }

        var proposal = call.Actions.Find(proposalId) ?? throw new RpcException(new Status(StatusCode.NotFound, "No such proposal."));
        if (proposal.RequestId == requestId)
        {
            // The same confirm again (a retry, a double click): the first one's answer, nothing runs twice.
            await proposal.Ran.Task.WaitAsync(cancellationToken);
            return proposal;
        }

        if (edited is not null)
        {
            ActionArguments.Check(proposal.Kind, edited);
        }

        if (proposal.State == ProposalState.Proposed)
        {
            var (won, holder) = await store.ClaimAsync(call, proposal, requestId, cancellationToken);
            if (!won && holder == requestId)
            {
                // The same confirm reached another copy of the call first (another request, another replica): its answer.
                return (await reader.LoadAsync(call.Id, cancellationToken))?.Actions.Find(proposalId) ?? proposal;
            }

            if (!won)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "The proposal is already confirmed; it cannot run again."));
            }
        }

        if (!call.Actions.TryClaim(proposal, requestId, edited, time.GetUtcNow()))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"The proposal is {proposal.State.ToString().ToLowerInvariant()}; it cannot run."));
        }

        await store.SaveStateAsync(call, cancellationToken);
        await call.PushAsync(new ProposalMessage(ProposalView.Of(proposal)), cancellationToken);
        try
        {
            // Claimed means it runs to the end: the agent's leaving does not cut an action in half.
            var result = await runner.RunAsync(call, proposal, authorization, CancellationToken.None);
            call.Actions.Finish(proposal, succeeded: true, result, time.GetUtcNow());
        }
        catch (RpcException e)
        {
            call.Actions.Finish(proposal, succeeded: false, $"{e.StatusCode}: {e.Status.Detail}", time.GetUtcNow());
        }

        await store.SaveStateAsync(call, CancellationToken.None);

        await call.PushAsync(new ProposalMessage(ProposalView.Of(proposal)), cancellationToken);
        return proposal;
    }

    public async Task<ActionProposal> RejectAsync(CallSession call, string proposalId, CancellationToken cancellationToken)
    {
        var proposal = call.Actions.Find(proposalId) ?? throw new RpcException(new Status(StatusCode.NotFound, "No such proposal."));
        if (!call.Actions.TryReject(proposal, time.GetUtcNow()))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"The proposal is {proposal.State.ToString().ToLowerInvariant()}; it cannot be rejected."));
        }

        await store.SaveStateAsync(call, cancellationToken);

        await call.PushAsync(new ProposalMessage(ProposalView.Of(proposal)), cancellationToken);
        return proposal;
    }
}
