using System.Security.Claims;
using AgentCalls.Identity.Service.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace AgentCalls.Identity.Service.Authorization;

/// <summary>
/// An agent's sign-in lasts <see cref="IdentityOptions.SessionLifetime"/>: refresh tokens rotate, but each new one expires
/// no later than that from sign-in, and a refresh after it is refused.
/// </summary>
public sealed class SessionLimit(IOptions<IdentityOptions> options, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public bool HasEnded(DateTimeOffset signedInAt) => Now >= signedInAt + options.Value.SessionLifetime;

    /// <summary>Gives <paramref name="principal"/>'s refresh token the shorter of its usual lifetime and what is left of the session.</summary>
    public ClaimsPrincipal Limit(ClaimsPrincipal principal)
    {
        var signedInAt = AgentPrincipal.SignedInAt(principal) ?? Now;
        var left = signedInAt + options.Value.SessionLifetime - Now;
        principal.SetRefreshTokenLifetime(left < options.Value.RefreshTokenLifetime ? left : options.Value.RefreshTokenLifetime);
        return principal;
    }
}
