using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using OpenIddict.Abstractions;

namespace AgentCalls.ServiceDefaults.Authentication;

/// <summary>
/// Who may call what. By default a caller must be an agent (a token whose <c>sub</c> is an agent id); a service's
/// own token (client credentials: its <c>sub</c> is its client id) is refused there (PermissionDenied) and allowed only where
/// <see cref="AnyCallerPolicy"/> is named and the method checks the caller itself, or where a policy of
/// <see cref="AddServicePolicy"/> names that service and its scope.
/// </summary>
public static class AgentAuthorization
{
    public const string AnyCallerPolicy = "any-caller";

    public static AuthorizationBuilder AddAgentPolicies(this AuthorizationBuilder authorization) =>
        authorization
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c => CurrentAgent.IsAgent(c.User)).Build())
            .AddPolicy(AnyCallerPolicy, policy => policy.RequireAuthenticatedUser());

    /// <summary>A policy admitting only the own token of service <paramref name="clientId"/> carrying <paramref name="scope"/> (see <see cref="ServiceClients"/>).</summary>
    public static AuthorizationBuilder AddServicePolicy(this AuthorizationBuilder authorization, string name, string clientId, string scope) =>
        authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => IsServiceClient(c.User, clientId, scope)));

    /// <summary>Whether <paramref name="user"/> is the own token of service <paramref name="clientId"/> with <paramref name="scope"/>: never an agent's.</summary>
    public static bool IsServiceClient(ClaimsPrincipal user, string clientId, string scope) =>
        !CurrentAgent.IsAgent(user) && user.GetClaim(OpenIddictConstants.Claims.Subject) == clientId && user.HasScope(scope);

    /// <summary>
    /// Every method of the gRPC service requires an agent (the default policy), except a method that names its own
    /// policy (<c>[Authorize(Policy = …)]</c>), which requires that policy alone: policies on one endpoint add up, so the
    /// default put on the whole service would refuse the service token such a method is for.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder RequireAgentUnlessMethodNamesPolicy(this GrpcServiceEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (!endpoint.Metadata.OfType<IAuthorizeData>().Any())
            {
                endpoint.Metadata.Add(new AuthorizeAttribute());
            }
        });
        return builder;
    }
}
