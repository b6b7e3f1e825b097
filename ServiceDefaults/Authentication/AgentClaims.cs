namespace AgentCalls.ServiceDefaults.Authentication;

/// <summary>The claims AgentCalls' access tokens carry (OpenID Connect names).</summary>
public static class AgentClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
}
