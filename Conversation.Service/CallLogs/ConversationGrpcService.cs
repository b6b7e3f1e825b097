using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using ConversationBase = AgentCalls.Contracts.Conversation.V1.Conversation.ConversationBase;

namespace AgentCalls.Conversation.Service.CallLogs;

public sealed class ConversationGrpcService(CurrentAgent agent, CallLogListing listing) : ConversationBase
{
    public override Task<ListCallLogsResponse> ListCallLogs(ListCallLogsRequest request, ServerCallContext context) =>
        listing.ListAsync(agent.Id, request, context.CancellationToken);
}
