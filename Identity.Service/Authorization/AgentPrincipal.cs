using System.Collections.Immutable;
using System.Security.Claims;
using AgentCalls.Identity.Service.Agents;
using AgentCalls.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.Authorization;

/// <summary>The claims Identity puts in an agent's tokens, always rebuilt from the current agent row.</summary>
public static class AgentPrincipal
{
    public static ClaimsPrincipal Create(Agent agent, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, agent.Id.ToString())
            .SetClaim(Claims.Name, agent.DisplayName)
            .SetClaim(Claims.Email, agent.Email);
        identity.SetScopes(scopes);
        identity.SetResources(AuthOptions.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
