using AgentCalls.Identity.Service.GoogleAccounts;
using AgentCalls.Identity.Service.Hosting;
using Microsoft.Extensions.Options;

namespace AgentCalls.Identity.Service.SignIn;

/// <summary>Which ways to sign in this environment offers.</summary>
public sealed class SignInMethods(IHostEnvironment environment, IOptions<GoogleOptions> google, IOptions<IdentityOptions> identity)
{
    /// <summary>
    /// The local page that creates or picks an agent by name and e-mail: only when asked for
    /// (<c>Identity:DevelopmentSignIn</c>) and in Development, never in Production.
    /// </summary>
    public bool DevelopmentSignIn { get; } = environment.IsDevelopment() && identity.Value.DevelopmentSignIn;

    /// <summary>Sign in with Google, when a Google client is configured.</summary>
    public bool Google { get; } = google.Value.IsConfigured;

    public bool Any => DevelopmentSignIn || Google;
}
