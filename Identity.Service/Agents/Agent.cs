namespace AgentCalls.Identity.Service.Agents;

/// <summary>An insurance agent who signs in to AgentCalls. Its id is the <c>sub</c> of every token issued for it.</summary>
public sealed class Agent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string DisplayName { get; set; }

    /// <summary>Stored as entered; matched case-insensitively through <see cref="NormalizedEmail"/>.</summary>
    public required string Email { get; set; }

    public required string NormalizedEmail { get; set; }

    /// <summary>Google's <c>sub</c> for the agent's Google account; agents are matched by it, never by e-mail alone.</summary>
    public string? GoogleSubject { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
