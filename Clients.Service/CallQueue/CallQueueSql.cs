using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Clients.Service.CallQueue;

/// <summary>
/// The call queue's SQL: ranking clients into <c>call_queue_entries</c>, and reading a page of them. A client is in
/// the queue for any of four reasons; each adds to the score in its own band (callback 400, lapse 300–399, renewal
/// 200–299, no contact 100–199), the nearer the event the higher in the band, so a client with several reasons ranks
/// above one with any single one of them. Every reason is counted in the agent's days, so a ranking holds all day. A
/// policy imported as lapsed without its lapse date is in the queue at the foot of the lapse band: it lapsed, but
/// nobody knows how long ago, and its days stay null.
/// </summary>
public static class CallQueueSql
{
    /// <summary>Ranks the agent's clients (or only <paramref name="clients"/>) as of <paramref name="today"/>, inserting those with a reason.</summary>
    public static SqlQuery Rank(BookSettings settings, DateOnly today, Guid[]? clients)
    {
        var sql = new SqlQuery();
        var (agent, day, tz) = (sql.Param(settings.AgentId), sql.Param(today), sql.Param(settings.TimeZone));
        var (renewalWindow, lapseWindow, interval) = (sql.Param(settings.RenewalWindowDays), sql.Param(settings.LapseWindowDays), sql.Param(settings.ContactIntervalDays));
        var only = clients is null ? "" : sql.Param(clients);
        string Among(string column) => clients is null ? "" : $" AND {column} = ANY ({only})";
        sql.Append($"""
            INSERT INTO call_queue_entries (client_id, agent_id, score, callback, lapse_policy_id, lapse_policy_number, lapse_days,
              renewal_policy_id, renewal_policy_number, renewal_days, quiet_days)
            WITH renewal AS (
              SELECT DISTINCT ON (p.client_id) p.client_id, p.id, p.policy_number, p.expires_on
              FROM policies AS p
              WHERE p.agent_id = {agent} AND p.status IN ('Active', 'PendingRenewal'){Among("p.client_id")}
                AND p.expires_on BETWEEN {day} AND {sql.Param(today.AddDays(settings.RenewalWindowDays))}
              ORDER BY p.client_id, p.expires_on, p.policy_number
            ), lapse AS (
              SELECT DISTINCT ON (p.client_id) p.client_id, p.id, p.policy_number, p.ended_on
              FROM policies AS p
              WHERE p.agent_id = {agent} AND p.status = 'Lapsed'{Among("p.client_id")}
                AND (p.ended_on BETWEEN {sql.Param(today.AddDays(-settings.LapseWindowDays))} AND {day} OR p.ended_on IS NULL)
              ORDER BY p.client_id, p.ended_on DESC NULLS LAST, p.policy_number
            ), reasons AS (
              SELECT c.id, c.callback_requested_at IS NOT NULL AS callback,
                l.id AS lapse_policy_id, l.policy_number AS lapse_policy_number, {day} - l.ended_on AS lapse_days,
                r.id AS renewal_policy_id, r.policy_number AS renewal_policy_number, r.expires_on - {day} AS renewal_days,
                CASE WHEN quiet.days > {interval} THEN quiet.days END AS quiet_days
              FROM clients AS c
              CROSS JOIN LATERAL (SELECT {day} - (coalesce(c.last_contacted_at, c.created_at) AT TIME ZONE {tz})::date AS days) AS quiet
              LEFT JOIN renewal AS r ON r.client_id = c.id
              LEFT JOIN lapse AS l ON l.client_id = c.id
              WHERE c.agent_id = {agent} AND NOT c.do_not_call{Among("c.id")}
            )
            SELECT id, {agent}, CASE WHEN callback THEN 400 ELSE 0 END
                + CASE WHEN lapse_policy_id IS NOT NULL THEN 300 + coalesce(99 * ({lapseWindow} - lapse_days) / {lapseWindow}, 0) ELSE 0 END
                + CASE WHEN renewal_days IS NOT NULL THEN 200 + 99 * ({renewalWindow} - renewal_days) / {renewalWindow} ELSE 0 END
                + CASE WHEN quiet_days IS NOT NULL THEN 100 + least(quiet_days - {interval}, 99) ELSE 0 END,
              callback, lapse_policy_id, lapse_policy_number, lapse_days, renewal_policy_id, renewal_policy_number, renewal_days, quiet_days
            FROM reasons
            WHERE callback OR lapse_policy_id IS NOT NULL OR renewal_days IS NOT NULL OR quiet_days IS NOT NULL
            """);
        return sql;
    }

    /// <summary>
    /// One page of the ranking, best first, with what the agent sees of each client read fresh; a client with a call
    /// scheduled from now on is left out here rather than in the ranking, so a call whose time passes brings them back.
    /// </summary>
    public static SqlQuery Page(Guid agentId, DateTimeOffset now, PageToken<int>? after, int limit)
    {
        var sql = new SqlQuery();
        var agent = sql.Param(agentId);
        sql.Append($"""
            SELECT c.id, c.display_name, c.phones -> 0 ->> 'number' AS phone, c.contact_window_start, c.contact_window_end, c.time_zone,
              c.last_contacted_at, q.callback, q.lapse_policy_id, q.lapse_policy_number, q.lapse_days, q.renewal_policy_id,
              q.renewal_policy_number, q.renewal_days, q.quiet_days, c.last_contacted_at IS NULL AS never_contacted, q.score
            FROM call_queue_entries AS q
            JOIN clients AS c ON c.id = q.client_id
            WHERE q.agent_id = {agent}
              AND NOT EXISTS (SELECT 1 FROM scheduled_calls AS s WHERE s.agent_id = {agent} AND s.client_id = q.client_id AND s.starts_at >= {sql.Param(now)})
            """);
        if (after is not null)
        {
            var (score, id) = (sql.Param(after.SortKey), sql.Param(after.Id));
            sql.Append($" AND (q.score < {score} OR (q.score = {score} AND q.client_id > {id}))");
        }

        sql.Append($" ORDER BY q.score DESC, q.client_id LIMIT {sql.Param(limit)}");
        return sql;
    }
}
