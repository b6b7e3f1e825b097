using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Hosting;
using AgentCalls.Calendar.Service.Providers;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Identity.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using GoogleAccountClient = AgentCalls.Contracts.Identity.V1.GoogleAccount.GoogleAccountClient;
using IdentityConnectionStatus = AgentCalls.Contracts.Identity.V1.GoogleConnectionStatus;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// GetSyncStatus and SyncNow. Both first check the agent's Google connection with Identity (as the agent), so a
/// connection made or removed before Calendar heard of it (an event still on its way, or a connection older than
/// this service) is caught up with; if Identity cannot be asked, the stored state is shown.
/// </summary>
public sealed class SyncStatuses(
    CalendarDbContext db,
    GoogleAccountClient identity,
    IHttpContextAccessor http,
    SyncSignal signal,
    IConnectionMultiplexer redis,
    IOptions<CalendarOptions> options,
    TimeProvider time)
{
    public async Task<SyncStatus> GetAsync(Guid agentId, CancellationToken cancellationToken)
    {
        await ReconcileAsync(agentId, cancellationToken);
        return await ReadAsync(agentId, cancellationToken);
    }

    public async Task<SyncStatus> SyncNowAsync(Guid agentId, CancellationToken cancellationToken)
    {
        await ReconcileAsync(agentId, cancellationToken);
        var now = time.GetUtcNow();
        await ClaimAskAsync(agentId, now, cancellationToken);

        // Not before a time Google asked AgentCalls to wait until (Retry-After), nor for a calendar that needs a reconnect.
        if (await db.GoogleSyncs
            .Where(s => s.AgentId == agentId && s.State != GoogleSyncState.ReconnectRequired && !(s.State == GoogleSyncState.BackingOff && s.NextSyncAt > now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextSyncAt, now), cancellationToken) > 0)
        {
            signal.Notify();
        }

        return await ReadAsync(agentId, cancellationToken);
    }

    /// <summary>
    /// Takes the agent's ask, or refuses it when the last one is within the cooldown. The claim is one conditional
    /// update, so asks racing from several tabs or replicas get one through.
    /// </summary>
    private async Task ClaimAskAsync(Guid agentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cooldown = options.Value.SyncNowCooldown;
        var cooledSince = now - cooldown;
        if (await db.GoogleSyncs
            .Where(s => s.AgentId == agentId && (s.SyncRequestedAt == null || s.SyncRequestedAt <= cooledSince))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SyncRequestedAt, now), cancellationToken) > 0)
        {
            return;
        }

        var lastAsked = await db.GoogleSyncs.Where(s => s.AgentId == agentId).Select(s => s.SyncRequestedAt).FirstOrDefaultAsync(cancellationToken);
        if (lastAsked is { } asked)
        {
            throw CalendarErrors.SyncAskedTooSoon(asked + cooldown - now);
        }
    }

    private async Task ReconcileAsync(Guid agentId, CancellationToken cancellationToken)
    {
        IdentityConnectionStatus status;
        try
        {
            var headers = new Metadata { { "Authorization", http.HttpContext?.Request.Headers.Authorization.ToString() ?? "" } };
            status = (await identity.GetGoogleConnectionAsync(new GetGoogleConnectionRequest(), headers, cancellationToken: cancellationToken)).Status;
        }
        catch (RpcException)
        {
            return;
        }

        var known = await db.GoogleSyncs.AnyAsync(s => s.AgentId == agentId, cancellationToken);
        if (status == IdentityConnectionStatus.Connected && !known)
        {
            await GoogleSyncEnrolment.EnrolAsync(db, agentId, time.GetUtcNow(), cancellationToken);
            signal.Notify();
        }
        else if (status == IdentityConnectionStatus.NotConnected && known)
        {
            await GoogleCalendarForgetting.ForgetAsync(db, redis, agentId, cancellationToken);
        }
    }

    private async Task<SyncStatus> ReadAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var state = await db.GoogleSyncs.AsNoTracking().FirstOrDefaultAsync(s => s.AgentId == agentId, cancellationToken);
        if (state is null)
        {
            return new SyncStatus { Provider = LocalCalendarProvider.ProviderName };
        }

        return new SyncStatus
        {
            Provider = GoogleCalendarProvider.ProviderName,
            State = state.State switch
            {
                GoogleSyncState.FullSync => SyncState.FullSync,
                GoogleSyncState.Synced => SyncState.Synced,
                GoogleSyncState.BackingOff => SyncState.BackingOff,
                GoogleSyncState.Failed => SyncState.Failed,
                _ => SyncState.ReconnectRequired,
            },
            LastSyncedAt = state.LastSyncedAt is { } synced ? Timestamp.FromDateTimeOffset(synced) : null,
            LastError = state.LastError ?? "",
            FullSyncEvents = state.State == GoogleSyncState.FullSync || state.PageToken is not null ? state.FullSyncEvents : 0,
            FullSyncPages = state.State == GoogleSyncState.FullSync || state.PageToken is not null ? state.FullSyncPages : 0,
            NextSyncAt = state.NextSyncAt is { } next ? Timestamp.FromDateTimeOffset(next) : null,
            PushNotifications = state.ChannelId is not null,
            ReconnectRequired = state.State == GoogleSyncState.ReconnectRequired,
        };
    }
}
