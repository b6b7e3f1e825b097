using AgentCalls.Eventing;

namespace AgentCalls.Clients.Service.Households;

/// <summary>Clients who live together, grouped by the agent.</summary>
public sealed class Household
{
    public Guid Id { get; init; } = TimeOrderedIds.Next();

    public required Guid AgentId { get; init; }

    public required string Name { get; set; }

    /// <summary>The name in lowercase: names are unique per agent regardless of case.</summary>
    public required string NormalizedName { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
