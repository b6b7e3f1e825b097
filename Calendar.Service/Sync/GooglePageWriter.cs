using System.Data.Common;
using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Calendar.Service.Google;
using AgentCalls.Calendar.Service.Providers;
using AgentCalls.Calendar.Service.Slots;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Eventing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using StackExchange.Redis;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// Writes what a page of events.list says into the cache, in one transaction with the sync's progress (the next
/// page or sync token), so a page is either applied with its progress or not at all: live events are upserted
/// (binary COPY into a temporary table, then one INSERT … ON CONFLICT), cancelled ones deleted, and the last page of
/// a full sync also removes what the full sync did not see. Calls among them are announced as Clients needs to
/// hear: moved in Google (CallRescheduled), deleted in Google (CallCancelled), or first seen here (CallScheduled).
/// </summary>
public sealed class GooglePageWriter(CalendarDbContext db, IConnectionMultiplexer redis, TimeProvider time)
{
    private const string Columns = "id, agent_id, provider, calendar_id, provider_event_id, title, description, starts_at, ends_at, client_id, client_name, client_phone, all_day, busy, reminder_minutes, sync_generation, updated_at";

    public async Task ApplyAsync(GoogleSync state, IReadOnlyList<GoogleEventResource> items, string calendarZone, PageProgress progress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var live = items.Where(i => !i.IsCancelled && i.Id is not null && i.Start is not null && i.End is not null)
            .GroupBy(i => i.Id).Select(g => GoogleEventMapping.ToRow(g.Last(), state.AgentId, state.CalendarId, calendarZone, state.Generation, now)).ToList();
        var cancelled = items.Where(i => i.IsCancelled && i.Id is not null).Select(i => i.Id!).Distinct().ToArray();
        await InTransactionAsync(async (connection, transaction, ct) =>
        {
            var liveIds = live.Select(r => r.ProviderEventId!).ToArray();
            var callsBefore = await db.Events.AsNoTracking()
                .Where(e => e.AgentId == state.AgentId && e.Provider == GoogleCalendarProvider.ProviderName && e.CalendarId == state.CalendarId
                    && e.ClientId != null && liveIds.Contains(e.ProviderEventId!))
                .ToDictionaryAsync(e => e.ProviderEventId!, e => (e.StartsAt, e.EndsAt), ct);
            var written = await UpsertAsync(connection, transaction, live, ct);
            foreach (var row in live.Where(r => r.ClientId is not null))
            {
                var id = written[row.ProviderEventId!];
                if (!callsBefore.TryGetValue(row.ProviderEventId!, out var before))
                {
                    db.AddEvent(new CallScheduled { AgentId = row.AgentId.ToString(), EventId = id.ToString(), ClientId = row.ClientId!.Value.ToString(), StartsAt = At(row.StartsAt), EndsAt = At(row.EndsAt) });
                }
                else if (before.StartsAt != row.StartsAt || before.EndsAt != row.EndsAt)
                {
                    db.AddEvent(new CallRescheduled { AgentId = row.AgentId.ToString(), EventId = id.ToString(), ClientId = row.ClientId!.Value.ToString(), StartsAt = At(row.StartsAt), EndsAt = At(row.EndsAt) });
                }
            }

            await DeleteAsync(connection, transaction, state, "provider_event_id = ANY(@ids)", [new NpgsqlParameter("ids", cancelled)], ct);
            if (progress.Sweep is { } sweep)
            {
                await SweepAsync(connection, transaction, state, sweep, ct);
            }

            progress.ApplyTo(state);
        }, state, cancellationToken);
    }

    /// <summary>Ends a full sync: removes the events of the calendar that it did not see (deleted in Google meanwhile).</summary>
    private Task SweepAsync(NpgsqlConnection connection, DbTransaction transaction, GoogleSync state, Sweep sweep, CancellationToken cancellationToken) =>
        DeleteAsync(
            connection, transaction, state,
            "sync_generation <> @generation AND updated_at < @started AND starts_at < @time_max AND ends_at > @time_min",
            [new("generation", sweep.Generation), new("started", sweep.StartedAt), new("time_min", sweep.TimeMin), new("time_max", sweep.TimeMax)],
            cancellationToken);

    private async Task InTransactionAsync(Func<NpgsqlConnection, DbTransaction, CancellationToken, Task> work, GoogleSync state, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await work((NpgsqlConnection)db.Database.GetDbConnection(), transaction.GetDbTransaction(), ct);
            state.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        await BusyTimes.InvalidateAsync(redis, state.AgentId);
    }

    /// <summary>Upserts the rows; returns every row's id (new rows' ids, or the existing rows' kept ids) by provider event id.</summary>
    private static async Task<Dictionary<string, Guid>> UpsertAsync(NpgsqlConnection connection, DbTransaction transaction, List<CachedEvent> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        await Execute(connection, transaction, "CREATE TEMP TABLE incoming_events (LIKE cached_events INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY incoming_events ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.AgentId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.Provider, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.CalendarId, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.ProviderEventId!, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.Title, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(copy, row.Description, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.StartsAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(row.EndsAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await WriteNullableAsync(copy, row.ClientId, NpgsqlDbType.Uuid, cancellationToken);
                await WriteNullableAsync(copy, row.ClientName, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(copy, row.ClientPhone, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.AllDay, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(row.Busy, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(row.ReminderMinutes, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(row.SyncGeneration, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(row.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using var merge = new NpgsqlCommand(
            $"""
            INSERT INTO cached_events ({Columns}) SELECT {Columns} FROM incoming_events
            ON CONFLICT (agent_id, provider, calendar_id, provider_event_id) DO UPDATE SET
                title = excluded.title, description = excluded.description, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                client_id = excluded.client_id, client_phone = excluded.client_phone,
                -- Google holds the name as it was when the call was booked; a rename heard since (ClientUpdated) stands.
                client_name = CASE WHEN cached_events.client_id IS NOT DISTINCT FROM excluded.client_id THEN cached_events.client_name ELSE excluded.client_name END,
                all_day = excluded.all_day, busy = excluded.busy, reminder_minutes = excluded.reminder_minutes,
                sync_generation = excluded.sync_generation, updated_at = excluded.updated_at
            RETURNING provider_event_id, id
            """, connection, (NpgsqlTransaction)transaction);
        var ids = new Dictionary<string, Guid>(rows.Count);
        await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(0)] = reader.GetGuid(1);
        }

        return ids;
    }

    /// <summary>Deletes the calendar's Google rows matching <paramref name="condition"/>, announcing the calls among them as cancelled.</summary>
    private async Task DeleteAsync(NpgsqlConnection connection, DbTransaction transaction, GoogleSync state, string condition, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var delete = new NpgsqlCommand(
            $"DELETE FROM cached_events WHERE agent_id = @agent AND provider = @provider AND calendar_id = @calendar AND {condition} RETURNING id, client_id",
            connection, (NpgsqlTransaction)transaction)
        {
            Parameters = { new("agent", state.AgentId), new("provider", GoogleCalendarProvider.ProviderName), new("calendar", state.CalendarId) },
        };
        delete.Parameters.AddRange(parameters);
        var removed = new List<(Guid Id, Guid ClientId)>();
        await using (var reader = await delete.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!await reader.IsDBNullAsync(1, cancellationToken))
                {
                    removed.Add((reader.GetGuid(0), reader.GetGuid(1)));
                }
            }
        }

        foreach (var (id, clientId) in removed)
        {
            db.AddEvent(new CallCancelled { AgentId = state.AgentId.ToString(), EventId = id.ToString(), ClientId = clientId.ToString() });
        }
    }

    private static async Task Execute(NpgsqlConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Timestamp At(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);
}
