using System.Collections.Immutable;
using System.Security.Claims;
using AgentCalls.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.Authorization;

/// <summary>
/// The claims of a service's own token (client credentials): its scopes and the API audience, and as subject its
/// client id (OpenIddict requires a subject on every token), which is never an agent id: no agent-scoped method
/// takes the token for an agent.
/// </summary>
public static class ServicePrincipal
{
    public static ClaimsPrincipal Create(string clientId, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetScopes(scopes);
        identity.SetResources(AuthOptions.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
