using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using ConversationBase = AgentCalls.Contracts.Conversation.V1.Conversation.ConversationBase;

namespace AgentCalls.Conversation.Service.CallLogs;

public sealed class ConversationGrpcService(CurrentAgent agent, CallLogListing listing, CallLogEditor editor) : ConversationBase
{
    public override Task<ListCallLogsResponse> ListCallLogs(ListCallLogsRequest request, ServerCallContext context) =>
        listing.ListAsync(agent.Id, request, context.CancellationToken);

    public override Task<CallLogDetail> GetCallLog(GetCallLogRequest request, ServerCallContext context) =>
        editor.GetAsync(agent.Id, request.CallLogId, context.CancellationToken);

    public override Task<CallLogDetail> UpdateCallLog(UpdateCallLogRequest request, ServerCallContext context) =>
        editor.UpdateAsync(agent.Id, request, context.CancellationToken);

    public override async Task<DeleteCallLogResponse> DeleteCallLog(DeleteCallLogRequest request, ServerCallContext context)
    {
        await editor.DeleteAsync(agent.Id, request.CallLogId, context.CancellationToken);
        return new DeleteCallLogResponse();
    }
}
