using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Identity.Service.Hosting;

/// <summary>The token server's settings (section "Identity").</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long an agent stays signed in from sign-in, however often its tokens are refreshed: no refresh token outlives
    /// it, and past it a refresh is refused (invalid_grant), so the agent signs in again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Offers the password-less development sign-in (any name and e-mail). Honoured only in Development, and only for
    /// browsers on this machine (loopback); the AppHost turns it on for local runs.
    /// </summary>
    public bool DevelopmentSignIn { get; set; }

    /// <summary>
    /// An RSA private key (PEM) to sign tokens with, from a secret store. Required outside Development; in Development,
    /// when absent, one is generated once and kept in identitydb.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>An RSA private key (PEM) to encrypt codes and refresh tokens with; as for <see cref="SigningKey"/>.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>
    /// Signing keys (PEM) replaced by <see cref="SigningKey"/>: still published, so tokens they signed validate until
    /// they expire. Drop one once the longest token lifetime has passed since the rotation.
    /// </summary>
    public string[] PreviousSigningKeys { get; set; } = [];

    /// <summary>Encryption keys (PEM) replaced by <see cref="EncryptionKey"/>: codes and refresh tokens they encrypted still decrypt.</summary>
    public string[] PreviousEncryptionKeys { get; set; } = [];

    [Required]
    public GatewayClientOptions Gateway { get; set; } = new();

    /// <summary>
    /// Calendar.Service as a client of its own (<c>agentcalls-calendar</c>): it syncs agents' calendars with no agent
    /// present, so it may ask for any agent's Google access token, and for nothing else.
    /// </summary>
    [Required]
    public ServiceClientOptions CalendarService { get; set; } = new();

    /// <summary>
    /// Conversation.Service as a client of its own (<c>agentcalls-conversation</c>): it opens Transcription's live
    /// stream for the agent of a call it holds, and may do nothing else in its own name.
    /// </summary>
    [Required]
    public ServiceClientOptions ConversationService { get; set; } = new();
}

/// <summary>The gateway: the confidential client that signs agents in for the browser.</summary>
public sealed class GatewayClientOptions
{
    public const string ClientId = "agentcalls-gateway";

    [Required]
    public string ClientSecret { get; set; } = "";

    [Required]
    public Uri RedirectUri { get; set; } = new("http://localhost:5080/bff/callback");

    [Required]
    public Uri PostLogoutRedirectUri { get; set; } = new("http://localhost:5080/");
}

/// <summary>A service as a confidential client of its own (client credentials, one scope: see <c>ServiceClients</c>).</summary>
public sealed class ServiceClientOptions
{
    /// <summary>The client's secret (AppHost generates one); when empty the client is not registered.</summary>
    public string ClientSecret { get; set; } = "";
}
