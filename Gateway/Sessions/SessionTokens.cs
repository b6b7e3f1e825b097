using System.Globalization;
using AgentCalls.Gateway.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Client;

namespace AgentCalls.Gateway.Sessions;

/// <summary>
/// The access token of the browser's session, refreshed with the session's refresh token when it is near
/// expiry. Concurrent requests of one session refresh once: the rest wait and use the new token.
/// </summary>
public sealed partial class SessionTokens(
    ITicketStore store,
    OpenIddictClientService oidc,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<SessionTokens> logger)
{
    // Striped locks: one per session would need cleanup; 64 stripes make collisions rare and harmless.
    private static readonly SemaphoreSlim[] RefreshLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>The session's valid access token, or null when there is no session or it can no longer be refreshed.</summary>
    public async Task<string?> GetAccessTokenAsync(HttpContext http)
    {
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded || !session.Properties.Items.TryGetValue(RedisTicketStore.SessionKeyItem, out var key) || key is null)
        {
            return null;
        }

        if (IsFresh(session.Properties))
        {
            return session.Properties.GetTokenValue(SessionTokenNames.AccessToken);
        }

        var gate = RefreshLocks[(uint)StringComparer.Ordinal.GetHashCode(key) % RefreshLocks.Length];
        await gate.WaitAsync(http.RequestAborted);
        try
        {
            // Another request of this session may have refreshed while this one waited.
            var current = await store.RetrieveAsync(key);
            if (current is null)
            {
                return null;
            }

            if (IsFresh(current.Properties))
            {
                return current.Properties.GetTokenValue(SessionTokenNames.AccessToken);
            }

            return await RefreshAsync(key, current, http.RequestAborted);
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsFresh(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue(SessionTokenNames.ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
        && expiresAt - time.GetUtcNow() > options.Value.RefreshBeforeExpiry;

    private async Task<string?> RefreshAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var refreshToken = ticket.Properties.GetTokenValue(SessionTokenNames.RefreshToken);
        if (refreshToken is null)
        {
            return null;
        }

        try
        {
            var refreshed = await oidc.AuthenticateWithRefreshTokenAsync(new() { RefreshToken = refreshToken, CancellationToken = cancellationToken });
            ticket.Properties.UpdateTokenValue(SessionTokenNames.AccessToken, refreshed.AccessToken);
            ticket.Properties.UpdateTokenValue(SessionTokenNames.ExpiresAt, (refreshed.AccessTokenExpirationDate ?? time.GetUtcNow()).ToString("O", CultureInfo.InvariantCulture));
            // Refresh tokens rotate: the one just used is spent.
            if (!string.IsNullOrEmpty(refreshed.RefreshToken))
            {
                ticket.Properties.UpdateTokenValue(SessionTokenNames.RefreshToken, refreshed.RefreshToken);
            }

            await store.RenewAsync(key, ticket);
            return refreshed.AccessToken;
        }
        catch (OpenIddictExceptions.ProtocolException e)
        {
            // The grant was revoked or the agent deleted: end the session, so the browser is asked to sign in.
            LogRefreshRejected(logger, e.Error, e.ErrorDescription);
            await store.RemoveAsync(key);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity refused to refresh a session's token ({Error}: {Description}); the session ends.")]
    private static partial void LogRefreshRejected(ILogger logger, string? error, string? description);
}
