using AgentCalls.Eventing;

namespace AgentCalls.Clients.Service.Policies;

/// <summary>An insurance policy a client holds, written by a carrier.</summary>
public sealed class Policy
{
    public Guid Id { get; init; } = TimeOrderedIds.Next();

    public required Guid AgentId { get; init; }

    public required Guid ClientId { get; init; }

    /// <summary>Unique in the agent's book: the import matches on it.</summary>
    public required string PolicyNumber { get; set; }

    public required string Carrier { get; set; }

    public LineOfBusiness LineOfBusiness { get; set; }

    /// <summary>The line of business as an imported file wrote it, when it matched no known one and was filed as other.</summary>
    public string? LineOfBusinessText { get; set; }

    public PolicyStatus Status { get; set; }

    /// <summary>The status as an imported file wrote it, when it matched no known one and was filed as other.</summary>
    public string? StatusText { get; set; }

    /// <summary>Premium in the currency's minor units (cents), never a float.</summary>
    public long PremiumMinor { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; set; } = "USD";

    public DateOnly? EffectiveOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The lapse or cancellation date, for lapsed and cancelled policies; null there when an imported file did not give it.</summary>
    public DateOnly? EndedOn { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Postgres' xmin: changes with every update, so a stale write is detected.</summary>
    public uint Version { get; set; }
}
