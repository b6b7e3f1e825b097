using Microsoft.AspNetCore.Authorization;

namespace AgentCalls.ServiceDefaults.Authentication;

/// <summary>
/// Who may call what. By default a caller must be an agent (a token whose <c>sub</c> is an agent id); a service's
/// own token (client credentials: its <c>sub</c> is its client id) is refused there (PermissionDenied) and allowed only where
/// <see cref="AnyCallerPolicy"/> is named and the method checks the caller itself.
/// </summary>
public static class AgentAuthorization
{
    public const string AnyCallerPolicy = "any-caller";

    public static AuthorizationBuilder AddAgentPolicies(this AuthorizationBuilder authorization) =>
        authorization
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c => CurrentAgent.IsAgent(c.User)).Build())
            .AddPolicy(AnyCallerPolicy, policy => policy.RequireAuthenticatedUser());
}
