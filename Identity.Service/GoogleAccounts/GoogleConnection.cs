namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>
/// An agent's consent for AgentCalls to use their Google Calendar: the token vault's row. Tokens are stored
/// only as Data Protection ciphertext and never leave Identity.Service except as a short-lived access token.
/// </summary>
public sealed class GoogleConnection
{
    public required Guid AgentId { get; init; }

    public required string GoogleSubject { get; set; }

    public required string GoogleEmail { get; set; }

    /// <summary>The scopes Google granted, space-separated.</summary>
    public required string Scopes { get; set; }

    public required string ProtectedRefreshToken { get; set; }

    public string? ProtectedAccessToken { get; set; }

    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    public GoogleConnectionStatus Status { get; set; } = GoogleConnectionStatus.Connected;

    /// <summary>Why the agent must reconnect.</summary>
    public string? StatusReason { get; set; }

    public DateTimeOffset ConnectedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public enum GoogleConnectionStatus
{
    Connected,

    /// <summary>Google refused the refresh token (invalid_grant): only the agent can fix it, by connecting again.</summary>
    ReconnectRequired,
}
