using System.Text.Json;

namespace AgentCalls.Conversation.Service.Assist.Playbooks;

/// <summary>
/// The cards every agent starts with, kept as data (<c>DefaultPlaybook.json</c>, embedded) so that changing a default
/// is an edit there. Their examples were calibrated with the card threshold (<see cref="AssistOptions"/>).
/// </summary>
public static class DefaultPlaybook
{
    private const string Resource = "AgentCalls.Conversation.Service.Assist.Playbooks.DefaultPlaybook.json";

    public static IReadOnlyList<DefaultCard> Cards { get; } = Load();

    /// <summary>New rows of the defaults for <paramref name="agentId"/>, in playbook order.</summary>
    public static IEnumerable<PlaybookCard> NewCards(Guid agentId, DateTimeOffset now) => Cards.Select((card, index) => new PlaybookCard
    {
        AgentId = agentId,
        Key = card.Key,
        Title = card.Title,
        Guidance = card.Guidance,
        Examples = [.. card.Examples],
        Ordinal = index,
        UpdatedAt = now,
    });

    private static List<DefaultCard> Load()
    {
        using var stream = typeof(DefaultPlaybook).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource {Resource} is missing.");
        return JsonSerializer.Deserialize<List<DefaultCard>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }

    public sealed record DefaultCard(string Key, string Title, string Guidance, string[] Examples);
}
