using AgentCalls.Clients.Service.Data;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>
/// The SQL behind ListClients. Every order is a key plus the id, so keyset pages are stable; keys that can be
/// missing (never contacted, no renewal) are given a value that sorts them at the documented end. What a query box
/// text matches, and its relevance, are <see cref="ClientTextMatch"/>'s.
/// </summary>
public static class ClientSearchSql
{
    public const string ActiveStatuses = "('Active', 'PendingRenewal')";

    /// <summary>The rows of one page (one more than asked, to tell whether another page follows).</summary>
    public static SqlQuery Build(Guid agentId, ClientQuery query, DateOnly today, DateTimeOffset now, PageToken<ClientSortKey>? after, int limit)
    {
        var sql = new SqlQuery();
        var agent = sql.Param(agentId);
        var text = query.Text.Length > 0 ? new ClientTextMatch(sql, query.Text, agent) : null;
        var nextRenewal = $"""
            (SELECT min(p.expires_on) FROM policies AS p
                WHERE p.client_id = c.id AND p.status IN {ActiveStatuses} AND p.expires_on >= {sql.Param(today)})
            """;
        // Only the renewal order needs every matching client's next renewal.
        var from = query.Order == ClientSortOrder.NextRenewal
            ? $"clients AS c LEFT JOIN LATERAL (SELECT {nextRenewal} AS next_renewal) AS r ON true"
            : "clients AS c";
        var key = Key(query.Order, text);
        var filters = Filters(sql, query, today, now);
        // With a text, the filters apply as its matches are found (they decide whether typos are forgiven).
        var (with, matches) = text?.Matches(from, key, filters) ?? ("", $"SELECT c.id, {key} AS sort_key FROM {from} WHERE c.agent_id = {agent}{filters}");
        var descending = query.Order is ClientSortOrder.Relevance or ClientSortOrder.RecentlyAdded;
        var direction = descending ? "DESC" : "ASC";
        // The page is picked from the matches' ids and sort keys alone; what its rows show (the policy count and next
        // renewal among it) is read for those rows only, not for every client that matches.
        sql.Append($"""
            {with} SELECT c.id, c.display_name, c.email, c.phones -> 0 ->> 'number' AS phone,
              (SELECT count(*) FROM policies AS p WHERE p.client_id = c.id)::int AS policy_count,
              c.created_at, c.tags, c.do_not_call, c.last_contacted_at, {nextRenewal} AS next_renewal, c.household_id,
              {KeyColumns(query.Order)}
            FROM (SELECT * FROM ({matches}) AS matched{After(sql, query.Order, descending, after)}
                  ORDER BY sort_key {direction}, id LIMIT {sql.Param(limit)}) AS page
            JOIN clients AS c ON c.id = page.id
            ORDER BY page.sort_key {direction}, page.id
            """);
        return sql;
    }

    /// <summary>The keyset condition for the rows after the last one of the previous page.</summary>
    private static string After(SqlQuery sql, ClientSortOrder order, bool descending, PageToken<ClientSortKey>? after)
    {
        if (after is null)
        {
            return "";
        }

        var value = order == ClientSortOrder.Name ? (object)after.SortKey.Value : after.SortKey.Number;
        var (k, id) = (sql.Param(value), sql.Param(after.Id));
        return descending
            ? $" WHERE (sort_key < {k} OR (sort_key = {k} AND id > {id}))"
            : $" WHERE (sort_key, id) > ({k}, {id})";
    }

    /// <summary>The page's sort key as <see cref="ClientSearchRow"/> reads it: text for names, a number otherwise.</summary>
    private static string KeyColumns(ClientSortOrder order) => order == ClientSortOrder.Name
        ? "page.sort_key AS sort_name, NULL::float8 AS sort_number"
        : "NULL::text AS sort_name, page.sort_key AS sort_number";

    private static string Key(ClientSortOrder order, ClientTextMatch? text) => order switch
    {
        ClientSortOrder.Name => "c.display_name",
        ClientSortOrder.Relevance => text!.Relevance,
        ClientSortOrder.LastContacted => "coalesce(extract(epoch FROM c.last_contacted_at), -1e15)::float8",
        ClientSortOrder.NextRenewal => "coalesce(r.next_renewal - DATE '2000-01-01', 1e9)::float8",
        _ => "extract(epoch FROM c.created_at)::float8",
    };

    /// <summary>
    /// The filters' conditions on client <c>c</c>, one fixed text starting with AND: a filter not asked for has a null
    /// (or false) parameter, which makes its condition true; Postgres plans each call with its values as constants, so
    /// such a condition costs nothing.
    /// </summary>
    private static string Filters(SqlQuery sql, ClientQuery query, DateOnly today, DateTimeOffset now)
    {
        var renewalFrom = sql.Param(query.RenewalDueWithinDays is null ? null : today);
        var renewalUntil = sql.Param(query.RenewalDueWithinDays is { } days ? today.AddDays(days) : null);
        var lapsed = sql.Param(query.Lapsed);
        var quietSince = sql.Param(query.NotContactedForDays is { } quiet ? now.AddDays(-quiet) : null);
        var (line, carrier, status) = (sql.Param(query.LineOfBusiness?.ToString()), sql.Param(query.Carrier), sql.Param(query.PolicyStatus?.ToString()));
        var (tag, household) = (sql.Param(query.Tag), sql.Param(query.HouseholdId));
        return $"""
             AND ({renewalFrom}::date IS NULL OR EXISTS (SELECT 1 FROM policies AS p WHERE p.client_id = c.id AND p.status IN {ActiveStatuses}
                  AND p.expires_on BETWEEN {renewalFrom}::date AND {renewalUntil}::date))
             AND (NOT {lapsed}::boolean OR EXISTS (SELECT 1 FROM policies AS p WHERE p.client_id = c.id AND p.status = 'Lapsed'))
             AND ({quietSince}::timestamptz IS NULL OR c.last_contacted_at IS NULL OR c.last_contacted_at < {quietSince}::timestamptz)
             AND (({line}::text IS NULL AND {carrier}::text IS NULL AND {status}::text IS NULL) OR EXISTS (SELECT 1 FROM policies AS p
                  WHERE p.client_id = c.id AND ({line}::text IS NULL OR p.line_of_business = {line}::text)
                  AND ({carrier}::text IS NULL OR lower(p.carrier) = {carrier}::text) AND ({status}::text IS NULL OR p.status = {status}::text)))
             AND ({tag}::text IS NULL OR c.tags @> ARRAY[{tag}::text])
             AND ({household}::uuid IS NULL OR c.household_id = {household}::uuid)
            """;
    }
}

/// <summary>The sort key a page of clients ends at: the order, and its key (text for names, a number otherwise).</summary>
public sealed record ClientSortKey(ClientSortOrder Order, string Value, double Number);
