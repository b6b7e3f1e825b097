using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Actions;
using ActionProposal = AgentCalls.Contracts.Conversation.V1.ActionProposal;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using CallsBase = AgentCalls.Contracts.Conversation.V1.Calls.CallsBase;

namespace AgentCalls.Conversation.Service.Calls;

public sealed class CallsGrpcService(CurrentAgent agent, CallStarter starter, CallReader calls, CallCloser closer, ActionDesk actions) : CallsBase
{
    public override async Task<Call> StartCall(StartCallRequest request, ServerCallContext context)
    {
        var authorization = context.GetHttpContext().Request.Headers.Authorization.ToString();
        var call = await starter.StartAsync(agent.Id, request.ClientId, request.CalendarEventId, authorization, context.CancellationToken);
        return call.ToContract();
    }

    public override async Task<Call> GetCall(GetCallRequest request, ServerCallContext context) =>
        (await FindAsync(request.CallId, context)).ToContract();

    public override async Task<CallDraft> EndCall(EndCallRequest request, ServerCallContext context) =>
        await closer.EndAsync(await FindAsync(request.CallId, context));

    public override async Task<ActionProposal> ProposeAction(ProposeActionRequest request, ServerCallContext context) =>
        (await actions.ProposeAsync(await FindAsync(request.CallId, context), request.Kind, ActionArguments.From(request.Arguments), "agent", context.CancellationToken)).ToContract();

    public override async Task<ActionProposal> ConfirmAction(ConfirmActionRequest request, ServerCallContext context) =>
        (await actions.ConfirmAsync(
            await FindAsync(request.CallId, context), request.ProposalId, request.RequestId, request.Arguments is null ? null : ActionArguments.From(request.Arguments),
            context.GetHttpContext().Request.Headers.Authorization.ToString(), context.CancellationToken)).ToContract();

    public override async Task<ActionProposal> RejectAction(RejectActionRequest request, ServerCallContext context) =>
        (await actions.RejectAsync(await FindAsync(request.CallId, context), request.ProposalId, context.CancellationToken)).ToContract();

    public override async Task<SaveCallResponse> SaveCall(SaveCallRequest request, ServerCallContext context)
    {
        var call = await FindAsync(request.CallId, context);
        var input = SaveCallInput.From(request);
        if (call.State != CallState.Ended)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "End the call before saving its log."));
        }

        var log = await closer.SaveAsync(call, input, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "The call's log is already saved."));
        return new SaveCallResponse { CallLogId = log.Id.ToString() };
    }

    private async Task<CallSession> FindAsync(string callId, ServerCallContext context) =>
        await calls.FindAsync(agent.Id, callId, context.CancellationToken) ?? throw new RpcException(new Status(StatusCode.NotFound, "No such call."));
}
