using AgentCalls.Clients.Service.Policies;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>A person or business in an agent's book.</summary>
public sealed class Client
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid AgentId { get; init; }

    public required string DisplayName { get; set; }

    public string? Email { get; set; }

    /// <summary>Main phone number in E.164 form.</summary>
    public string? Phone { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<Policy> Policies { get; init; } = [];
}
