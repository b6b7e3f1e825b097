using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Settings;

namespace AgentCalls.Clients.Service.CallQueue;

/// <summary>
/// Keeps an agent's ranking in <c>call_queue_entries</c> current, so that reading the queue is reading an index
/// rather than scoring the whole book on every call. The whole book is ranked once per agent day, and again when
/// the agent's rules change; in between, only the clients that writes marked stale (triggers on clients and
/// policies, see the CallQueueEntries migration) are ranked again, as the queue is read.
/// </summary>
public sealed class CallQueueRefresh(ClientsDbContext db)
{
    public async Task BringUpToDateAsync(BookSettings book, DateOnly today, CancellationToken cancellationToken)
    {
        var rules = $"renewal {book.RenewalWindowDays}, lapse {book.LapseWindowDays}, contact {book.ContactIntervalDays}, {book.TimeZone}";
        // Most reads find nothing to do: one statement says so, without a transaction or the agent's lock.
        var current = await SqlQuery.Format("""
            SELECT EXISTS (SELECT 1 FROM call_queue_rankings WHERE agent_id = {0} AND ranked_on = {1} AND rules = {2})
              AND NOT EXISTS (SELECT 1 FROM call_queue_stale WHERE agent_id = {0})
            """, book.AgentId, today, rules).ReadAsync(db, r => r.GetBoolean(0), cancellationToken);
        if (current is [true])
        {
            return;
        }

        await db.InTransactionAsync(async ct =>
        {
            // One refresh per agent at a time: two calls ranking the same clients at once would insert them twice.
            // JIT off: ranking a whole book looks costly enough to compile, which takes longer than the ranking.
            await SqlQuery.Format("SELECT pg_advisory_xact_lock(hashtext('clients.call_queue'), hashtext({0}::text)), set_config('jit', 'off', true)", book.AgentId)
                .ReadAsync(db, _ => 0, ct);
            var ranked = await SqlQuery.Format("SELECT ranked_on = {1} AND rules = {2} FROM call_queue_rankings WHERE agent_id = {0}", book.AgentId, today, rules)
                .ReadAsync(db, r => r.GetBoolean(0), ct);
            if (ranked is not [true])
            {
                await SqlQuery.Format("""
                    DELETE FROM call_queue_stale WHERE agent_id = {0};
                    DELETE FROM call_queue_entries WHERE agent_id = {0};
                    INSERT INTO call_queue_rankings (agent_id, ranked_on, rules) VALUES ({0}, {1}, {2})
                      ON CONFLICT (agent_id) DO UPDATE SET ranked_on = excluded.ranked_on, rules = excluded.rules;
                    """, book.AgentId, today, rules).ExecuteAsync(db, ct);
                await CallQueueSql.Rank(book, today, null).ExecuteAsync(db, ct);
                // Fresh statistics, or the planner may take a table just filled for a small one and scan it for a page.
                await SqlQuery.Format("ANALYZE call_queue_entries").ExecuteAsync(db, ct);
                return;
            }

            var stale = await SqlQuery.Format("DELETE FROM call_queue_stale WHERE agent_id = {0} RETURNING client_id", book.AgentId)
                .ReadAsync(db, r => r.GetGuid(0), ct);
            if (stale.Count > 0)
            {
                await SqlQuery.Format("DELETE FROM call_queue_entries WHERE client_id = ANY ({0})", stale.ToArray()).ExecuteAsync(db, ct);
                await CallQueueSql.Rank(book, today, [.. stale]).ExecuteAsync(db, ct);
            }
        }, cancellationToken);
    }
}
