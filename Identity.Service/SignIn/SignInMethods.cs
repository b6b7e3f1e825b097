namespace AgentCalls.Identity.Service.SignIn;

/// <summary>Which ways to sign in this environment offers.</summary>
public sealed class SignInMethods(IHostEnvironment environment)
{
    /// <summary>The local page that creates or picks an agent by name and e-mail: Development only, never in Production.</summary>
    public bool DevelopmentSignIn { get; } = environment.IsDevelopment();
}
