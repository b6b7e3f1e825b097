using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace AgentCalls.ServiceDefaults.Authentication;

/// <summary>The agent the current request acts for, read from the validated access token's <c>sub</c>.</summary>
public sealed class CurrentAgent(IHttpContextAccessor accessor)
{
    private Guid? id;

    public Guid Id => id ??= Read(accessor.HttpContext?.User);

    /// <summary>Whether the token is an agent's: its subject is an agent id (a service's token has its client id there).</summary>
    public static bool IsAgent(ClaimsPrincipal? user) => Guid.TryParse(user?.FindFirst(AgentClaims.Subject)?.Value, out _);

    public static Guid Read(ClaimsPrincipal? user)
    {
        var subject = user?.FindFirst(AgentClaims.Subject)?.Value;
        return Guid.TryParse(subject, out var agentId)
            ? agentId
            : throw new InvalidOperationException("The request has no authenticated agent; is the endpoint missing RequireAuthorization()?");
    }
}
