namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>
/// The Google OAuth client (section "Google"), from user-secrets or the environment. With no client id
/// the system signs agents in with the development sign-in and has no Google Calendar connection.
/// </summary>
public sealed class GoogleOptions
{
    public const string SectionName = "Google";

    /// <summary>The provider name OpenIddict's client knows Google by.</summary>
    public const string ProviderName = "Google";

    /// <summary>The scope that lets Calendar.Service read and write the agent's events.</summary>
    public const string CalendarScope = "https://www.googleapis.com/auth/calendar.events";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Google's issuer; tests point it at a local fake that behaves as Google does.</summary>
    public Uri Authority { get; set; } = new("https://accounts.google.com/");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
