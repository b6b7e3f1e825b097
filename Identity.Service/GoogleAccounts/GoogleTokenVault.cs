using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Identity.Service.Data;
using AgentCalls.Eventing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Client;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>
/// The agents' Google tokens, encrypted at rest with Data Protection. Hands out access tokens, refreshing
/// them with Google when they are near expiry: one refresh per agent at a time (a row lock, so replicas agree),
/// and a revoked or expired grant (invalid_grant) marks the connection as needing the agent to reconnect.
/// </summary>
public sealed partial class GoogleTokenVault(
    IdentityDbContext db,
    IDataProtectionProvider dataProtection,
    IServiceProvider services,
    TimeProvider time,
    ILogger<GoogleTokenVault> logger)
{
    /// <summary>Access tokens handed out stay valid at least this long.</summary>
    public static readonly TimeSpan MinimumValidity = TimeSpan.FromMinutes(2);

    /// <summary>What the agent is told when Google answers invalid_grant (revoked in their Google account, expired, or reset).</summary>
    public const string RevokedGrantReason = "Google no longer accepts AgentCalls' access (invalid_grant: revoked or expired). Connect Google Calendar again.";

    private readonly IDataProtector protector = dataProtection.CreateProtector("AgentCalls.Identity.GoogleTokens");

    private OpenIddictClientService Google => services.GetRequiredService<OpenIddictClientService>();

    public Task<GoogleConnection?> FindAsync(Guid agentId, CancellationToken cancellationToken) =>
        db.GoogleConnections.AsNoTracking().FirstOrDefaultAsync(c => c.AgentId == agentId, cancellationToken);

    /// <summary>Keeps the tokens of a completed consent, for the agent the connect link named.</summary>
    public async Task ConnectAsync(Guid agentId, GoogleGrant grant, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(grant.RefreshToken))
        {
            throw new GoogleConnectionException(GoogleConnectionException.NoOfflineAccess, "Google did not grant offline access.");
        }

        var agent = await db.Agents.FirstAsync(a => a.Id == agentId, cancellationToken);
        if (agent.GoogleSubject is null)
        {
            if (await db.Agents.AnyAsync(a => a.GoogleSubject == grant.Subject && a.Id != agentId, cancellationToken))
            {
                await RevokeRefusedGrantAsync(grant, agentId, cancellationToken);
                throw new GoogleConnectionException(GoogleConnectionException.WrongAccount, "That Google account belongs to another agent.");
            }

            agent.GoogleSubject = grant.Subject;
        }
        else if (agent.GoogleSubject != grant.Subject)
        {
            await RevokeRefusedGrantAsync(grant, agentId, cancellationToken);
            throw new GoogleConnectionException(GoogleConnectionException.WrongAccount, "Connect the Google account you sign in with.");
        }

        var connection = await db.GoogleConnections.FirstOrDefaultAsync(c => c.AgentId == agentId, cancellationToken);
        if (connection is null)
        {
            connection = new GoogleConnection { AgentId = agentId, GoogleSubject = grant.Subject, GoogleEmail = grant.Email, Scopes = "", ProtectedRefreshToken = "" };
            db.GoogleConnections.Add(connection);
        }

        var now = time.GetUtcNow();
        connection.GoogleSubject = grant.Subject;
        connection.GoogleEmail = grant.Email;
        connection.Scopes = string.Join(' ', grant.Scopes);
        connection.ProtectedRefreshToken = protector.Protect(grant.RefreshToken);
        connection.ProtectedAccessToken = protector.Protect(grant.AccessToken);
        connection.AccessTokenExpiresAt = grant.AccessTokenExpiresAt;
        connection.Status = GoogleConnectionStatus.Connected;
        connection.StatusReason = null;
        connection.ConnectedAt = now;
        connection.UpdatedAt = now;
        db.AddEvent(new GoogleCalendarConnected { AgentId = agentId.ToString(), ConnectedAt = Timestamp.FromDateTimeOffset(now) });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A Google access token valid for at least <see cref="MinimumValidity"/>, never <paramref name="rejected"/>: a token
    /// Google refused before it expired is refreshed, which tells a revoked grant (invalid_grant) from a token Google
    /// merely ended early.
    /// </summary>
    public async Task<GoogleAccessToken> GetAccessTokenAsync(Guid agentId, string? rejected, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Concurrent callers for one agent queue here; the first refreshes, the rest find a fresh token.
            var connection = await db.GoogleConnections
                .FromSql($"SELECT * FROM google_connections WHERE agent_id = {agentId} FOR UPDATE")
                .SingleOrDefaultAsync(ct)
                ?? throw new GoogleConnectionException(GoogleConnectionException.NotConnected, "The agent has not connected Google.");
            if (connection.Status == GoogleConnectionStatus.ReconnectRequired)
            {
                throw new GoogleConnectionException(GoogleConnectionException.ReconnectRequired, connection.StatusReason ?? "Google revoked the grant.");
            }

            var scopes = connection.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A caller that was refused the stored token while another refreshed it gets the new one without a refresh.
            if (connection.ProtectedAccessToken is not null && connection.AccessTokenExpiresAt - time.GetUtcNow() > MinimumValidity
                && protector.Unprotect(connection.ProtectedAccessToken) is var stored && stored != rejected)
            {
                return new GoogleAccessToken(stored, connection.AccessTokenExpiresAt!.Value, scopes);
            }

            var token = await RefreshAsync(connection, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return token ?? throw new GoogleConnectionException(GoogleConnectionException.ReconnectRequired, connection.StatusReason!);
        }, cancellationToken);
    }

    /// <summary>Revokes the grant at Google (so the agent's Google account no longer lists AgentCalls) and forgets the tokens.</summary>
    public async Task DisconnectAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var connection = await db.GoogleConnections.FirstOrDefaultAsync(c => c.AgentId == agentId, cancellationToken);
        if (connection is null)
        {
            return;
        }

        await RevokeAtGoogleAsync(connection, cancellationToken);
        db.GoogleConnections.Remove(connection);
        db.AddEvent(new GoogleCalendarDisconnected { AgentId = agentId.ToString(), DisconnectedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()) });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task RevokeAtGoogleAsync(GoogleConnection connection, CancellationToken cancellationToken) =>
        RevokeAtGoogleAsync(protector.Unprotect(connection.ProtectedRefreshToken), connection.AgentId, cancellationToken);

    /// <summary>
    /// A consent for a Google account the agent may not connect is refused, and its grant revoked at Google too: otherwise
    /// that account would keep listing AgentCalls with Calendar access that nothing here holds or can remove.
    /// </summary>
    private Task RevokeRefusedGrantAsync(GoogleGrant grant, Guid agentId, CancellationToken cancellationToken) =>
        RevokeAtGoogleAsync(grant.RefreshToken!, agentId, cancellationToken);

    private async Task RevokeAtGoogleAsync(string refreshToken, Guid agentId, CancellationToken cancellationToken)
    {
        try
        {
            await Google.RevokeTokenAsync(new()
            {
                ProviderName = GoogleOptions.ProviderName,
                Token = refreshToken,
                TokenTypeHint = TokenTypeHints.RefreshToken,
                CancellationToken = cancellationToken,
            });
        }
        catch (Exception e) when (e is OpenIddictExceptions.ProtocolException or HttpRequestException)
        {
            // Already revoked at Google (or Google unreachable): the tokens are deleted (or never kept) here either way.
            LogRevocationFailed(logger, e, agentId);
        }
    }

    private async Task<GoogleAccessToken?> RefreshAsync(GoogleConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            var refreshed = await Google.AuthenticateWithRefreshTokenAsync(new()
            {
                ProviderName = GoogleOptions.ProviderName,
                RefreshToken = protector.Unprotect(connection.ProtectedRefreshToken),
                DisableUserInfo = true,
                CancellationToken = cancellationToken,
            });
            var expiresAt = refreshed.AccessTokenExpirationDate ?? time.GetUtcNow().AddHours(1);
            connection.ProtectedAccessToken = protector.Protect(refreshed.AccessToken);
            connection.AccessTokenExpiresAt = expiresAt;
            if (!string.IsNullOrEmpty(refreshed.RefreshToken))
            {
                connection.ProtectedRefreshToken = protector.Protect(refreshed.RefreshToken);
            }

            connection.UpdatedAt = time.GetUtcNow();
            return new GoogleAccessToken(refreshed.AccessToken, expiresAt, connection.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        catch (OpenIddictExceptions.ProtocolException e) when (e.Error == Errors.InvalidGrant)
        {
            LogReconnectRequired(logger, connection.AgentId, e.ErrorDescription);
            connection.Status = GoogleConnectionStatus.ReconnectRequired;
            connection.StatusReason = RevokedGrantReason;
            connection.ProtectedAccessToken = null;
            connection.UpdatedAt = time.GetUtcNow();
            return null;
        }
        catch (Exception e) when (e is OpenIddictExceptions.ProtocolException or HttpRequestException)
        {
            // Google's token endpoint failing (5xx, 429, timeouts, after the bounded retries): the grant stands, and
            // nothing is written, so the agent is never asked to reconnect for Google's own trouble.
            LogRefreshFailed(logger, e, connection.AgentId);
            throw new GoogleConnectionException(GoogleConnectionException.GoogleUnavailable, "Google's token endpoint is not answering; try again shortly.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google refused agent {AgentId}'s refresh token ({Description}); the agent must reconnect.")]
    private static partial void LogReconnectRequired(ILogger logger, Guid agentId, string? description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google's token endpoint failed to refresh agent {AgentId}'s token; the grant stands.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, Guid agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not revoke agent {AgentId}'s grant at Google.")]
    private static partial void LogRevocationFailed(ILogger logger, Exception exception, Guid agentId);
}

/// <summary>What Google granted when the agent connected.</summary>
public sealed record GoogleGrant(string Subject, string Email, IReadOnlyList<string> Scopes, string AccessToken, DateTimeOffset AccessTokenExpiresAt, string? RefreshToken);

/// <summary>A usable Google access token.</summary>
public sealed record GoogleAccessToken(string Value, DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes);
