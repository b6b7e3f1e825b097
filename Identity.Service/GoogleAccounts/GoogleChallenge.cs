using Microsoft.AspNetCore.Authentication;
using OpenIddict.Client.AspNetCore;

namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>Sends the browser to Google: to sign in, or to grant Calendar access (incremental authorization).</summary>
public static class GoogleChallenge
{
    public const string FlowItem = ".agentcalls.flow";
    public const string AgentItem = ".agentcalls.agent";
    public const string SignInFlow = "sign-in";
    public const string ConnectFlow = "connect";

    /// <summary>Sign-in asks only who the agent is: openid, email, profile (the registration's scopes).</summary>
    public static IResult SignIn(string authorizeUrl) =>
        Results.Challenge(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = GoogleOptions.ProviderName,
                [FlowItem] = SignInFlow,
            })
            { RedirectUri = authorizeUrl },
            [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>
    /// Connecting asks for Calendar access with offline access (a refresh token), on top of what was granted
    /// before, for the agent's own Google account, with the consent screen shown so Google issues a refresh token.
    /// </summary>
    public static IResult Connect(Guid agentId, string loginHint, string returnPath)
    {
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = GoogleOptions.ProviderName,
            [OpenIddictClientAspNetCoreConstants.Properties.Scope] = $"openid email profile {GoogleOptions.CalendarScope}",
            [OpenIddictClientAspNetCoreConstants.Properties.LoginHint] = loginHint,
            [FlowItem] = ConnectFlow,
            [AgentItem] = agentId.ToString(),
        })
        { RedirectUri = returnPath };
        properties.SetParameter("access_type", "offline");
        properties.SetParameter("prompt", "consent");
        properties.SetParameter("include_granted_scopes", "true");
        return Results.Challenge(properties, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
    }
}
