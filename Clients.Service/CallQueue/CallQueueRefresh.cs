using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Settings;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.CallQueue;

/// <summary>
/// Keeps an agent's ranking in <c>call_queue_entries</c> current, so that reading the queue is reading an index
/// rather than scoring the whole book on every call. The whole book is ranked once per agent day, and again when
/// the agent's rules change; in between, only the clients that writes marked stale (the triggers described in
/// README.md here) are ranked again, as the queue is read.
/// </summary>
public sealed class CallQueueRefresh(ClientsDbContext db)
{
    /// <summary>Brings the ranking up to date for <paramref name="today"/>, waiting for a refresh already under way.</summary>
    public Task BringUpToDateAsync(BookSettings book, DateOnly today, CancellationToken cancellationToken) =>
        RefreshAsync(book, today, wait: true, cancellationToken);

    /// <summary>
    /// As <see cref="BringUpToDateAsync"/>, for the background (<see cref="CallQueuePreranker"/>): an agent whose
    /// refresh is under way elsewhere (a read, another replica's preranker) is left to it, and false is answered.
    /// </summary>
    public Task<bool> TryBringUpToDateAsync(BookSettings book, DateOnly today, CancellationToken cancellationToken) =>
        RefreshAsync(book, today, wait: false, cancellationToken);

    private async Task<bool> RefreshAsync(BookSettings book, DateOnly today, bool wait, CancellationToken cancellationToken)
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
            return true;
        }

        return await db.InTransactionAsync(async ct =>
        {
            // One refresh per agent at a time: two calls ranking the same clients at once would insert them twice.
            // JIT off: ranking a whole book looks costly enough to compile, which takes longer than the ranking.
            var locked = await db.Database.SqlQuery<bool>(wait
                ? (FormattableString)$"""SELECT true AS "Value" FROM pg_advisory_xact_lock(hashtext('clients.call_queue'), hashtext({agent}::text)), set_config('jit', 'off', true)"""
                : $"""SELECT pg_try_advisory_xact_lock(hashtext('clients.call_queue'), hashtext({agent}::text)) AS "Value" FROM set_config('jit', 'off', true)""")
                .SingleAsync(ct);
            if (!locked)
            {
                return false;
            }

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
                await RankAsync(book, today, null, ct);
                // Fresh statistics, or the planner may take a table just filled for a small one and scan it for a page.
                await db.Database.ExecuteSqlRawAsync("ANALYZE call_queue_entries", ct);
                return true;
            }

            var stale = (await db.Database.SqlQuery<Guid>(
                $"""DELETE FROM call_queue_stale WHERE agent_id = {agent} RETURNING client_id AS "Value" """).ToListAsync(ct)).ToArray();
            if (stale.Length > 0)
            {
                await db.Database.ExecuteSqlAsync($"DELETE FROM call_queue_entries WHERE client_id = ANY ({stale})", ct);
                await RankAsync(book, today, stale, ct);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Ranks the agent's clients (all of them when <paramref name="clients"/> is null: an empty array, whose condition
    /// the planner drops as a constant) as of <paramref name="today"/>, inserting those with a reason. A client is in the queue for any of
    /// four reasons; each adds to the score in its own band (callback 400, lapse 300–399, renewal 200–299, no contact
    /// 100–199), the nearer the event the higher in the band, so a client with several reasons ranks above one with any
    /// single one of them. Every reason is counted in the agent's days, so a ranking holds all day. A policy imported as
    /// lapsed without its lapse date is in the queue at the foot of the lapse band: it lapsed, but nobody knows how long
    /// ago, and its days stay null.
    /// </summary>
    private Task RankAsync(BookSettings settings, DateOnly today, Guid[]? clients, CancellationToken cancellationToken)
    {
        var (agent, tz) = (settings.AgentId, settings.TimeZone);
        var (renewalWindow, lapseWindow, interval) = (settings.RenewalWindowDays, settings.LapseWindowDays, settings.ContactIntervalDays);
        var (renewalUntil, lapsedSince) = (today.AddDays(renewalWindow), today.AddDays(-lapseWindow));
        var only = clients ?? [];
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO call_queue_entries (client_id, agent_id, score, callback, lapse_policy_id, lapse_policy_number, lapse_days,
              renewal_policy_id, renewal_policy_number, renewal_days, quiet_days)
            WITH renewal AS (
              SELECT DISTINCT ON (p.client_id) p.client_id, p.id, p.policy_number, p.expires_on
              FROM policies AS p
              WHERE p.agent_id = {agent} AND p.status IN ('Active', 'PendingRenewal') AND (cardinality({only}) = 0 OR p.client_id = ANY ({only}))
                AND p.expires_on BETWEEN {today} AND {renewalUntil}
              ORDER BY p.client_id, p.expires_on, p.policy_number
            ), lapse AS (
              SELECT DISTINCT ON (p.client_id) p.client_id, p.id, p.policy_number, p.ended_on
              FROM policies AS p
              WHERE p.agent_id = {agent} AND p.status = 'Lapsed' AND (cardinality({only}) = 0 OR p.client_id = ANY ({only}))
                AND (p.ended_on BETWEEN {lapsedSince} AND {today} OR p.ended_on IS NULL)
              ORDER BY p.client_id, p.ended_on DESC NULLS LAST, p.policy_number
            ), reasons AS (
              SELECT c.id, c.callback_requested_at IS NOT NULL AS callback,
                l.id AS lapse_policy_id, l.policy_number AS lapse_policy_number, {today} - l.ended_on AS lapse_days,
                r.id AS renewal_policy_id, r.policy_number AS renewal_policy_number, r.expires_on - {today} AS renewal_days,
                CASE WHEN quiet.days > {interval} THEN quiet.days END AS quiet_days
              FROM clients AS c
              CROSS JOIN LATERAL (SELECT {today} - (coalesce(c.last_contacted_at, c.created_at) AT TIME ZONE {tz})::date AS days) AS quiet
              LEFT JOIN renewal AS r ON r.client_id = c.id
              LEFT JOIN lapse AS l ON l.client_id = c.id
              WHERE c.agent_id = {agent} AND NOT c.do_not_call AND (cardinality({only}) = 0 OR c.id = ANY ({only}))
            )
            SELECT id, {agent}, CASE WHEN callback THEN 400 ELSE 0 END
                + CASE WHEN lapse_policy_id IS NOT NULL THEN 300 + coalesce(99 * ({lapseWindow} - lapse_days) / {lapseWindow}, 0) ELSE 0 END
                + CASE WHEN renewal_days IS NOT NULL THEN 200 + 99 * ({renewalWindow} - renewal_days) / {renewalWindow} ELSE 0 END
                + CASE WHEN quiet_days IS NOT NULL THEN 100 + least(quiet_days - {interval}, 99) ELSE 0 END,
              callback, lapse_policy_id, lapse_policy_number, lapse_days, renewal_policy_id, renewal_policy_number, renewal_days, quiet_days
            FROM reasons
            WHERE callback OR lapse_policy_id IS NOT NULL OR renewal_days IS NOT NULL OR quiet_days IS NOT NULL
            """, cancellationToken);
    }
}
