namespace AgentCalls.Identity.Service.SignIn;

/// <summary>
/// A short-lived cookie that carries the agent from a sign-in page back to the authorization endpoint.
/// It is not a single sign-on session: every sign-in asks who the agent is.
/// </summary>
public static class SignInCookie
{
    public const string Scheme = "AgentCalls.SignIn";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
}
