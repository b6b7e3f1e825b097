using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Calendar.Service.Providers;
using AgentCalls.Calendar.Service.Settings;
using AgentCalls.Calendar.Service.Slots;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Eventing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StackExchange.Redis;

namespace AgentCalls.Calendar.Service.Calls;

/// <summary>
/// ScheduleCall: puts a call with a client on the agent's calendar. The request id makes it idempotent twice over:
/// a request already carried out answers with its call, and the provider's event id is derived from it, so a retry
/// after a failure halfway (the event made at Google, the row not yet saved) finds the event Google already has.
/// The row, the request and CallScheduled are saved together.
/// </summary>
public sealed class CallScheduler(
    CalendarDbContext db, SettingsStore settings, ClientDirectory clients, CallText text, CalendarProviders providers,
    IConnectionMultiplexer redis, TimeProvider time)
{
    public async Task<CalendarEvent> ScheduleAsync(Guid agentId, ScheduleCallRequest request, CancellationToken cancellationToken)
    {
        var input = CallInput.Read(request, time.GetUtcNow());
        if (await FindDoneAsync(agentId, input.RequestId, cancellationToken) is { } done)
        {
            return done;
        }

        var agentSettings = await settings.GetAsync(agentId, cancellationToken);
        var client = await clients.GetAsync(input.ClientId, cancellationToken);
        if (client.DoNotCall)
        {
            throw CalendarErrors.Precondition("CLIENT_DO_NOT_CALL", $"{client.Name} asked not to be called.");
        }

        var end = input.Start.AddMinutes(input.DurationMinutes == 0 ? agentSettings.CallLengthMinutes : input.DurationMinutes);
        var providerEventId = ProviderEventIds.ForRequest(agentId, input.RequestId);
        var provider = await providers.ForNewCallAsync(agentId, cancellationToken);
        var draft = new CallDraft(
            CallText.Title(input.Title, client), text.Description(client, input.Notes), input.Start, end, agentSettings.TimeZone,
            input.ReminderMinutes ?? agentSettings.ReminderMinutes, client.Id, client.Name, client.Phone);
        var saved = await CallOverlaps.UnderAgentLockAsync(db, agentId, async ct =>
        {
            // A try of the same request that held the lock first has done it.
            if (await FindDoneAsync(agentId, input.RequestId, ct) is { } done)
            {
                return done;
            }

            await CallOverlaps.ThrowIfTakenAsync(db, agentId, input.Start, end, e => e.ProviderEventId != providerEventId, ct);
            await provider.CreateAsync(providerEventId, draft, ct);
            return await SaveAsync(agentId, input.RequestId, provider.Name, providerEventId, draft, ct);
        }, cancellationToken);
        await BusyTimes.InvalidateAsync(redis, agentId);
        return saved;
    }

    private async Task<CalendarEvent?> FindDoneAsync(Guid agentId, string requestId, CancellationToken cancellationToken)
    {
        var done = await db.CallRequests.AsNoTracking().FirstOrDefaultAsync(r => r.AgentId == agentId && r.RequestId == requestId, cancellationToken);
        if (done is null)
        {
            return null;
        }

        var row = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.AgentId == agentId && e.Id == done.EventId, cancellationToken);
        return row is null
            ? throw CalendarErrors.Precondition("CALL_CANCELLED", "The call this request scheduled has been cancelled; schedule again with a new request id.")
            : EventMessages.ToMessage(row);
    }

    /// <summary>
    /// Saves the call, in the caller's transaction (each SaveChanges under a savepoint). A sync may have copied the
    /// new Google event already, or copy it while this saves: then that row becomes the call. Tries of one request
    /// are serialised by the agent's lock; one that still meets a conflict it cannot settle is Aborted, not Internal.
    /// </summary>
    private async Task<CalendarEvent> SaveAsync(Guid agentId, string requestId, string providerName, string providerEventId, CallDraft draft, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var row = await db.Events.FirstOrDefaultAsync(e => e.AgentId == agentId && e.Provider == providerName && e.CalendarId == "primary" && e.ProviderEventId == providerEventId, cancellationToken);
            if (row is null)
            {
                row = new CachedEvent { AgentId = agentId, Provider = providerName, ProviderEventId = providerEventId, Title = draft.Title };
                db.Events.Add(row);
            }

            Apply(row, draft);
            db.CallRequests.Add(new CallRequest { AgentId = agentId, RequestId = requestId, EventId = row.Id });
            db.AddEvent(new CallScheduled
            {
                AgentId = agentId.ToString(),
                EventId = row.Id.ToString(),
                ClientId = draft.ClientId.ToString(),
                StartsAt = Timestamp.FromDateTimeOffset(draft.Start),
                EndsAt = Timestamp.FromDateTimeOffset(draft.End),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return EventMessages.ToMessage(row);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
                if (await FindDoneAsync(agentId, requestId, cancellationToken) is { } winner)
                {
                    return winner;
                }

                if (attempt == 2)
                {
                    throw CalendarErrors.Aborted("The call met a concurrent change to the calendar; try again with the same request id.");
                }
            }
        }
    }

    private void Apply(CachedEvent row, CallDraft draft)
    {
        row.Title = draft.Title;
        row.Description = draft.Description;
        row.StartsAt = draft.Start;
        row.EndsAt = draft.End;
        row.ClientId = draft.ClientId;
        row.ClientName = draft.ClientName;
        row.ClientPhone = draft.ClientPhone;
        row.ReminderMinutes = draft.ReminderMinutes;
        row.Busy = true;
        row.AllDay = false;
        row.UpdatedAt = time.GetUtcNow();
    }
}
