using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Settings;
using Microsoft.EntityFrameworkCore;

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
        var agent = book.AgentId;
        var rules = $"renewal {book.RenewalWindowDays}, lapse {book.LapseWindowDays}, contact {book.ContactIntervalDays}, {book.TimeZone}";
        // Most reads find nothing to do: one statement says so, without a transaction or the agent's lock.
        var current = await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM call_queue_rankings WHERE agent_id = {agent} AND ranked_on = {today} AND rules = {rules})
              AND NOT EXISTS (SELECT 1 FROM call_queue_stale WHERE agent_id = {agent}) AS "Value"
            """).SingleAsync(cancellationToken);
        if (current)
        {
            return;
        }

        await db.InTransactionAsync(async ct =>
        {
            // One refresh per agent at a time: two calls ranking the same clients at once would insert them twice.
            // JIT off: ranking a whole book looks costly enough to compile, which takes longer than the ranking.
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtext('clients.call_queue'), hashtext({agent}::text)), set_config('jit', 'off', true)", ct);
            var ranked = await db.Database.SqlQuery<bool>(
                $"""SELECT ranked_on = {today} AND rules = {rules} AS "Value" FROM call_queue_rankings WHERE agent_id = {agent}""").ToListAsync(ct);
            if (ranked is not [true])
            {
                await db.Database.ExecuteSqlAsync($"""
                    DELETE FROM call_queue_stale WHERE agent_id = {agent};
                    DELETE FROM call_queue_entries WHERE agent_id = {agent};
                    INSERT INTO call_queue_rankings (agent_id, ranked_on, rules) VALUES ({agent}, {today}, {rules})
                      ON CONFLICT (agent_id) DO UPDATE SET ranked_on = excluded.ranked_on, rules = excluded.rules;
                    """, ct);
                await CallQueueSql.Rank(book, today, null).ExecuteAsync(db, ct);
                // Fresh statistics, or the planner may take a table just filled for a small one and scan it for a page.
                await db.Database.ExecuteSqlRawAsync("ANALYZE call_queue_entries", ct);
                return;
            }

            var stale = (await db.Database.SqlQuery<Guid>(
                $"""DELETE FROM call_queue_stale WHERE agent_id = {agent} RETURNING client_id AS "Value" """).ToListAsync(ct)).ToArray();
            if (stale.Length > 0)
            {
                await db.Database.ExecuteSqlAsync($"DELETE FROM call_queue_entries WHERE client_id = ANY ({stale})", ct);
                await CallQueueSql.Rank(book, today, stale).ExecuteAsync(db, ct);
            }
        }, cancellationToken);
    }
}
