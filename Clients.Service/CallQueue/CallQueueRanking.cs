using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.CallQueue;

/// <summary>
/// Who needs a call today, most pressing first, with the reasons in words. Reading the queue writes first: it brings
/// the agent's stored ranking up to date (<see cref="CallQueueRefresh"/>), then reads a page of it; see README.md here.
/// </summary>
public sealed class CallQueueRanking(ClientsDbContext db, CallQueueRefresh refresh, BookSettingsStore settings, TimeProvider time)
{
    public async Task<Proto.ListCallQueueResponse> RankAndReadAsync(Guid agentId, Proto.ListCallQueueRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var pageSize = PageSize.Resolve(request.PageSize, violations);
        var after = PageToken<int>.Decode(request.PageToken, violations);
        violations.ThrowIfAny();

        var book = await settings.GetAsync(agentId, cancellationToken);
        var now = time.GetUtcNow();
        var today = TimeZones.Today(book.TimeZone, now);
        await refresh.BringUpToDateAsync(book, today, cancellationToken);
        var rows = await ReadPageAsync(agentId, now, after, pageSize + 1, cancellationToken);

        var response = new Proto.ListCallQueueResponse { Today = ProtoDates.ToProto(today) };
        response.Entries.AddRange(rows.Take(pageSize).Select(row => row.ToProto()));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = new PageToken<int>(last.Score, last.ClientId).Encode();
        }

        return response;
    }

    /// <summary>
    /// One page of the ranking, best first, with what the agent sees of each client read fresh; a client with a call
    /// scheduled from now on is left out here rather than in the ranking, so a call whose time passes brings them back.
    /// Without <paramref name="after"/> its keyset condition is true (a null parameter is a constant to the planner).
    /// </summary>
    private Task<List<CallQueueRow>> ReadPageAsync(Guid agent, DateTimeOffset now, PageToken<int>? after, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<CallQueueRow>($"""
            SELECT c.id AS client_id, c.display_name, c.phones -> 0 ->> 'number' AS phone, c.contact_window_start, c.contact_window_end,
              c.time_zone, c.last_contacted_at, c.last_contacted_at IS NULL AS never_contacted, q.score, q.callback,
              q.lapse_policy_id, q.lapse_policy_number, q.lapse_days, q.renewal_policy_id, q.renewal_policy_number, q.renewal_days,
              q.quiet_days
            FROM call_queue_entries AS q
            JOIN clients AS c ON c.id = q.client_id
            WHERE q.agent_id = {agent}
              AND NOT EXISTS (SELECT 1 FROM scheduled_calls AS s WHERE s.agent_id = {agent} AND s.client_id = q.client_id AND s.starts_at >= {now})
              AND ({after?.SortKey}::int IS NULL OR q.score < {after?.SortKey} OR (q.score = {after?.SortKey} AND q.client_id > {after?.Id}))
            ORDER BY q.score DESC, q.client_id
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
}
