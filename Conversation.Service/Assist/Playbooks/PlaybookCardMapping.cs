using Google.Protobuf.WellKnownTypes;

namespace AgentCalls.Conversation.Service.Assist.Playbooks;

public static class PlaybookCardMapping
{
    public static Contracts.Conversation.V1.PlaybookCard ToMessage(PlaybookCard card) => new()
    {
        CardId = card.Id.ToString(),
        Key = card.Key,
        Title = card.Title,
        Guidance = card.Guidance,
        Examples = { card.Examples },
        Enabled = card.Enabled,
        UpdatedAt = Timestamp.FromDateTimeOffset(card.UpdatedAt),
    };
}
