namespace AgentCalls.Gateway.Sessions;

/// <summary>Names of the tokens kept in a session (the usual ASP.NET Core names).</summary>
public static class SessionTokenNames
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string IdentityToken = "id_token";
    public const string ExpiresAt = "expires_at";
}
