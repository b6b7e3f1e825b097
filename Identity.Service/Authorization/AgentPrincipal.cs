using System.Collections.Immutable;
using System.Security.Claims;
using AgentCalls.Identity.Service.Agents;
using AgentCalls.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.Authorization;

/// <summary>
/// The claims Identity puts in an agent's tokens, always rebuilt from the current agent row, with the time the agent
/// signed in (<c>auth_time</c>), carried unchanged from the code to every refresh token, which ends the session.
/// </summary>
public static class AgentPrincipal
{
    public static ClaimsPrincipal Create(Agent agent, ImmutableArray<string> scopes, DateTimeOffset signedInAt)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, agent.Id.ToString())
            .SetClaim(Claims.Name, agent.DisplayName)
            .SetClaim(Claims.Email, agent.Email)
            .SetClaim(Claims.AuthenticationTime, signedInAt.ToUnixTimeSeconds());
        identity.SetScopes(scopes);
        identity.SetResources(AuthOptions.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>When the agent of <paramref name="principal"/> signed in; null for tokens issued before this claim existed.</summary>
    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.GetClaim(Claims.AuthenticationTime), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
