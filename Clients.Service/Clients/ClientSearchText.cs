using AgentCalls.Clients.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>
/// Keeps <c>clients.search_text</c> (and its generated tsvector) in step with what the query box searches:
/// name, e-mail, external id, phone digits and policy numbers. One SQL statement serves both the API's writes
/// and the import's set-based merge, so the two cannot drift apart.
/// </summary>
public static class ClientSearchText
{
    /// <summary>The refresh for the clients a condition selects; the condition may name <c>c</c> (clients).</summary>
    public static string RefreshSql(string condition) => $"""
        UPDATE clients AS c SET search_text = lower(concat_ws(' ', c.display_name, c.email, c.external_id,
            (SELECT string_agg(substr(p->>'number', 2), ' ') FROM jsonb_array_elements(c.phones) AS p),
            (SELECT string_agg(po.policy_number, ' ') FROM policies AS po WHERE po.client_id = c.id)))
        WHERE {condition}
        """;

    public static Task RefreshAsync(ClientsDbContext db, Guid clientId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RefreshSql("c.id = {0}"), [clientId], cancellationToken);
}
