namespace AgentCalls.Conversation.Service.Assist.Playbooks;

/// <summary>
/// One card of an agent's playbook: when the client says something that means what one of its examples means, the
/// card's guidance is shown. Seeded from the defaults on the agent's first use; the agent edits it.
/// </summary>
public sealed class PlaybookCard
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgentId { get; set; }

    /// <summary>Which default the card came from ("price_objection"); one card per key and agent.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    /// <summary>What to say; may name the client's facts with placeholders (<see cref="GuidanceTemplate"/>).</summary>
    public required string Guidance { get; set; }

    public List<string> Examples { get; set; } = [];

    /// <summary>A card switched off never fires.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the card sits in the playbook.</summary>
    public int Ordinal { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
