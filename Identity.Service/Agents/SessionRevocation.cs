using OpenIddict.Abstractions;

namespace AgentCalls.Identity.Service.Agents;

/// <summary>Signs an agent out everywhere: revokes every token and authorization issued to the agent, on every device.</summary>
public sealed class SessionRevocation(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations)
{
    /// <summary>Returns how many tokens were revoked.</summary>
    public async Task<int> RevokeAllAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var subject = agentId.ToString();
        var revoked = await tokens.RevokeBySubjectAsync(subject, cancellationToken);
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        return (int)revoked;
    }
}
