using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Clients.Service.CallQueue;

/// <summary>
/// The call queue as one statement. A client is in it for any of four reasons; each adds to the score in its own
/// band (callback 400, lapse 300–399, renewal 200–299, no contact 100–199), the nearer the event the higher in the
/// band, so a client with several reasons ranks above one with any single one of them.
/// </summary>
public static class CallQueueSql
{
    public static SqlQuery Build(BookSettings settings, DateOnly today, DateTimeOffset now, PageToken<int>? after, int limit)
    {
        var sql = new SqlQuery();
        var (agent, day, tz) = (sql.Param(settings.AgentId), sql.Param(today), sql.Param(settings.TimeZone));
        var (renewalWindow, lapseWindow, interval) = (sql.Param(settings.RenewalWindowDays), sql.Param(settings.LapseWindowDays), sql.Param(settings.ContactIntervalDays));
        var contactBefore = sql.Param(now.AddDays(-settings.ContactIntervalDays));
        sql.Append($"""
            WITH renewal AS (
              SELECT DISTINCT ON (p.client_id) p.client_id, p.id, p.policy_number, p.expires_on
              FROM policies AS p
              WHERE p.agent_id = {agent} AND p.status IN ('Active', 'PendingRenewal')
                AND p.expires_on BETWEEN {day} AND {sql.Param(today.AddDays(settings.RenewalWindowDays))}
              ORDER BY p.client_id, p.expires_on, p.policy_number
            ), lapse AS (
              SELECT DISTINCT ON (p.client_id) p.client_id, p.id, p.policy_number, p.ended_on
              FROM policies AS p
              WHERE p.agent_id = {agent} AND p.status = 'Lapsed'
                AND p.ended_on BETWEEN {sql.Param(today.AddDays(-settings.LapseWindowDays))} AND {day}
              ORDER BY p.client_id, p.ended_on DESC, p.policy_number
            ), reasons AS (
              SELECT c.id, c.display_name, c.phones -> 0 ->> 'number' AS phone, c.contact_window_start, c.contact_window_end,
                c.time_zone, c.last_contacted_at, c.callback_requested_at IS NOT NULL AS callback,
                l.id AS lapse_policy_id, l.policy_number AS lapse_policy_number, {day} - l.ended_on AS lapse_days,
                r.id AS renewal_policy_id, r.policy_number AS renewal_policy_number, r.expires_on - {day} AS renewal_days,
                CASE WHEN coalesce(c.last_contacted_at, c.created_at) < {contactBefore}
                  THEN {day} - (coalesce(c.last_contacted_at, c.created_at) AT TIME ZONE {tz})::date END AS quiet_days
              FROM clients AS c
              LEFT JOIN renewal AS r ON r.client_id = c.id
              LEFT JOIN lapse AS l ON l.client_id = c.id
              WHERE c.agent_id = {agent} AND NOT c.do_not_call
                AND (r.client_id IS NOT NULL OR l.client_id IS NOT NULL OR c.callback_requested_at IS NOT NULL
                  OR coalesce(c.last_contacted_at, c.created_at) < {contactBefore})
                AND NOT EXISTS (SELECT 1 FROM scheduled_calls AS s WHERE s.agent_id = {agent} AND s.client_id = c.id AND s.starts_at >= {sql.Param(now)})
            ), scored AS (
              SELECT *, (CASE WHEN callback THEN 400 ELSE 0 END
                + CASE WHEN lapse_days IS NOT NULL THEN 300 + 99 * ({lapseWindow} - lapse_days) / {lapseWindow} ELSE 0 END
                + CASE WHEN renewal_days IS NOT NULL THEN 200 + 99 * ({renewalWindow} - renewal_days) / {renewalWindow} ELSE 0 END
                + CASE WHEN quiet_days IS NOT NULL THEN 100 + least(quiet_days - {interval}, 99) ELSE 0 END) AS score
              FROM reasons
            )
            SELECT id, display_name, phone, contact_window_start, contact_window_end, time_zone, last_contacted_at, callback,
              lapse_policy_id, lapse_policy_number, lapse_days, renewal_policy_id, renewal_policy_number, renewal_days,
              quiet_days, last_contacted_at IS NULL AS never_contacted, score
            FROM scored
            """);
        if (after is not null)
        {
            var (score, id) = (sql.Param(after.SortKey), sql.Param(after.Id));
            sql.Append($" WHERE (score < {score} OR (score = {score} AND id > {id}))");
        }

        sql.Append($" ORDER BY score DESC, id LIMIT {sql.Param(limit)}");
        return sql;
    }
}
