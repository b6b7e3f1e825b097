using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using PlaybooksBase = AgentCalls.Contracts.Conversation.V1.Playbooks.PlaybooksBase;

namespace AgentCalls.Conversation.Service.Assist.Playbooks;

public sealed class PlaybooksGrpcService(CurrentAgent agent, PlaybookLibrary library) : PlaybooksBase
{
    public override async Task<ListPlaybookCardsResponse> ListPlaybookCards(ListPlaybookCardsRequest request, ServerCallContext context) =>
        new() { Cards = { (await library.ListAsync(agent.Id, context.CancellationToken)).Select(PlaybookCardMapping.ToMessage) } };

    public override async Task<Contracts.Conversation.V1.PlaybookCard> UpdatePlaybookCard(UpdatePlaybookCardRequest request, ServerCallContext context)
    {
        var input = PlaybookCardInput.From(request.Card);
        return PlaybookCardMapping.ToMessage(await library.UpdateAsync(agent.Id, request.CardId, input, context.CancellationToken));
    }

    public override async Task<ResetPlaybookResponse> ResetPlaybook(ResetPlaybookRequest request, ServerCallContext context) =>
        new() { Cards = { (await library.ResetAsync(agent.Id, context.CancellationToken)).Select(PlaybookCardMapping.ToMessage) } };
}
