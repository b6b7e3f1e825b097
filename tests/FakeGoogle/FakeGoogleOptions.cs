namespace AgentCalls.FakeGoogle;

/// <summary>Who may use the fake (section "FakeGoogle"): OAuth clients and Google accounts known at start.</summary>
public sealed class FakeGoogleOptions
{
    public List<FakeClient> Clients { get; set; } = [];

    public List<FakeUser> Users { get; set; } = [];
}

/// <summary>An OAuth client registered in the (fake) Google Cloud console.</summary>
public sealed class FakeClient
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Exact redirect URIs, as Google requires (no wildcards).</summary>
    public List<string> RedirectUris { get; set; } = [];
}

/// <summary>A Google account.</summary>
public sealed class FakeUser
{
    public string Subject { get; set; } = "";

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";
}
