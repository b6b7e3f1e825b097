using AgentCalls.Clients.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>
/// Keeps <c>clients.search_text</c> (and its generated tsvector) in step with the client's searchable fields:
/// name, e-mail, external id and phone digits. One SQL statement serves both the API's writes and the import's
/// set-based merge, so the two cannot drift apart. Policy numbers are searched in the policies table, so that a
/// policy change does not touch (and re-version) its client. The words of the search text reach the query box's
/// lexicon (<c>search_words</c>) through a trigger on clients, whatever writes them (migration SearchWords).
/// </summary>
public static class ClientSearchText
{
    /// <summary>The search text of a row of <paramref name="alias"/> that has the clients table's searchable columns.</summary>
    public static string Of(string alias) => $"""
        lower(concat_ws(' ', {alias}.display_name, {alias}.email, {alias}.external_id,
            (SELECT string_agg(substr(p->>'number', 2), ' ') FROM jsonb_array_elements({alias}.phones) AS p)))
        """;

    /// <summary>The refresh for the clients a condition selects (it may name <c>c</c>); rows already right are not rewritten.</summary>
    public static string RefreshSql(string condition) =>
        $"UPDATE clients AS c SET search_text = {Of("c")} WHERE ({condition}) AND c.search_text IS DISTINCT FROM {Of("c")}";

    public static Task RefreshAsync(ClientsDbContext db, Guid clientId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RefreshSql("c.id = {0}"), [clientId], cancellationToken);
}
