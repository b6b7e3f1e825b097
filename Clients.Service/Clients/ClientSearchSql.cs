using AgentCalls.Clients.Service.Data;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>
/// The SQL behind ListClients. Every order is a key plus the id, so keyset pages are stable; keys that can be
/// missing (never contacted, no renewal) are given a value that sorts them at the documented end.
/// </summary>
public static class ClientSearchSql
{
    public const string ActiveStatuses = "('Active', 'PendingRenewal')";

    /// <summary>The rows of one page (one more than asked, to tell whether another page follows).</summary>
    public static SqlQuery Build(Guid agentId, ClientQuery query, DateOnly today, DateTimeOffset now, PageToken<ClientSortKey>? after, int limit)
    {
        var sql = new SqlQuery();
        var q = sql.Param(query.Text);
        var key = Key(sql, query, q);
        var nextRenewal = $"""
            (SELECT min(p.expires_on) FROM policies AS p
                WHERE p.client_id = c.id AND p.status IN {ActiveStatuses} AND p.expires_on >= {sql.Param(today)})
            """;
        // The next renewal is joined per row only when the order needs it; otherwise it is a column of its own that
        // Postgres works out (like the policy count) for the page's rows only, after the sort and limit, not for every
        // client that matches.
        var byRenewal = query.Order == ClientSortOrder.NextRenewal;
        sql.Append($"""
            SELECT * FROM (
              SELECT c.id, c.display_name, c.email, c.phones -> 0 ->> 'number' AS phone,
                (SELECT count(*) FROM policies AS p WHERE p.client_id = c.id)::int AS policy_count,
                c.created_at, c.tags, c.do_not_call, c.last_contacted_at, {(byRenewal ? "r.next_renewal" : nextRenewal)} AS next_renewal, c.household_id, {key} AS sort_key
              FROM clients AS c
              {(byRenewal ? $"LEFT JOIN LATERAL (SELECT {nextRenewal} AS next_renewal) AS r ON true" : "")}
              WHERE c.agent_id = {sql.Param(agentId)}
            """);
        AppendFilters(sql, agentId, query, q, today, now);
        sql.Append(") AS page");
        var descending = query.Order is ClientSortOrder.Relevance or ClientSortOrder.RecentlyAdded;
        if (after is not null)
        {
            var value = query.Order == ClientSortOrder.Name ? (object)after.SortKey.Value : after.SortKey.Number;
            var (k, id) = (sql.Param(value), sql.Param(after.Id));
            sql.Append(descending
                ? $" WHERE (sort_key < {k} OR (sort_key = {k} AND id > {id}))"
                : $" WHERE (sort_key, id) > ({k}, {id})");
        }

        sql.Append($" ORDER BY sort_key {(descending ? "DESC" : "ASC")}, id LIMIT {sql.Param(limit)}");
        return sql;
    }

    private static string Key(SqlQuery sql, ClientQuery query, string q) => query.Order switch
    {
        ClientSortOrder.Name => "c.display_name",
        ClientSortOrder.Relevance =>
            $"(word_similarity({q}, c.search_text) + CASE WHEN c.search_text LIKE {sql.Param(QueryText.Contains(query.Text))} THEN 1 ELSE 0 END"
            + $" + CASE WHEN EXISTS (SELECT 1 FROM policies AS p WHERE p.client_id = c.id AND lower(p.policy_number) LIKE {sql.Param(QueryText.Contains(query.Text))}) THEN 1 ELSE 0 END"
            + (QueryText.Prefixes(query.Text) is { } prefixes ? $" + ts_rank(c.search_vector, to_tsquery('simple', {sql.Param(prefixes)})))::float8" : ")::float8"),
        ClientSortOrder.LastContacted => "coalesce(extract(epoch FROM c.last_contacted_at), -1e15)::float8",
        ClientSortOrder.NextRenewal => "coalesce(r.next_renewal - DATE '2000-01-01', 1e9)::float8",
        _ => "extract(epoch FROM c.created_at)::float8",
    };

    private static void AppendFilters(SqlQuery sql, Guid agentId, ClientQuery query, string q, DateOnly today, DateTimeOffset now)
    {
        if (query.Text.Length > 0)
        {
            // Each branch has its own index (trigram and full-text on clients, trigram on policy numbers), so the
            // union of matching ids is found without scanning the book.
            sql.Append($" AND c.id IN (SELECT m.id FROM clients AS m WHERE m.agent_id = {sql.Param(agentId)} AND (m.search_text LIKE {sql.Param(QueryText.Contains(query.Text))} OR {q} <% m.search_text");
            if (QueryText.Prefixes(query.Text) is { } prefixes)
            {
                sql.Append($" OR m.search_vector @@ to_tsquery('simple', {sql.Param(prefixes)})");
            }

            if (QueryText.PhoneDigits(query.Text) is { Length: > 0 } digits)
            {
                sql.Append($" OR m.search_text LIKE {sql.Param(QueryText.Contains(digits))}");
            }

            sql.Append($") UNION SELECT p.client_id FROM policies AS p WHERE p.agent_id = {sql.Param(agentId)} AND lower(p.policy_number) LIKE {sql.Param(QueryText.Contains(query.Text))})");
        }

        if (query.RenewalDueWithinDays is { } days)
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM policies AS p WHERE p.client_id = c.id AND p.status IN {ActiveStatuses} AND p.expires_on BETWEEN {sql.Param(today)} AND {sql.Param(today.AddDays(days))})");
        }

        if (query.Lapsed)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM policies AS p WHERE p.client_id = c.id AND p.status = 'Lapsed')");
        }

        if (query.NotContactedForDays is { } quiet)
        {
            sql.Append($" AND (c.last_contacted_at IS NULL OR c.last_contacted_at < {sql.Param(now.AddDays(-quiet))})");
        }

        if (query.LineOfBusiness is not null || query.Carrier is not null || query.PolicyStatus is not null)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM policies AS p WHERE p.client_id = c.id");
            sql.Append(query.LineOfBusiness is { } line ? $" AND p.line_of_business = {sql.Param(line.ToString())}" : "");
            sql.Append(query.Carrier is { } carrier ? $" AND lower(p.carrier) = {sql.Param(carrier)}" : "");
            sql.Append(query.PolicyStatus is { } status ? $" AND p.status = {sql.Param(status.ToString())}" : "");
            sql.Append(")");
        }

        if (query.Tag is { } tag)
        {
            sql.Append($" AND c.tags @> ARRAY[{sql.Param(tag)}]::text[]");
        }

        if (query.HouseholdId is { } household)
        {
            sql.Append($" AND c.household_id = {sql.Param(household)}");
        }
    }
}

/// <summary>The sort key a page of clients ends at: the order, and its key (text for names, a number otherwise).</summary>
public sealed record ClientSortKey(ClientSortOrder Order, string Value, double Number);
