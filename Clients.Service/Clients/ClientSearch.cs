using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>
/// ListClients: one query box over name, e-mail, phone and policy number (substring, full-text word prefixes for
/// partial input and, only when those find nothing, names with typos: see <see cref="ClientTextMatch"/>), filters, an
/// order, and keyset pages.
/// </summary>
public sealed class ClientSearch(ClientsDbContext db, BookSettingsStore settings, TimeProvider time)
{
    // How alike (in trigrams) a query word and a lexicon word must be for one to stand for the other. Below pg_trgm's
    // default, 0.3, so that a name missing a letter still finds its word ("mry" and "mary" score 0.29); swapped letters
    // are looked up as such, not through this.
    private const string SimilarityThreshold = "0.25";

    public async Task<Proto.ListClientsResponse> ListAsync(Guid agentId, Proto.ListClientsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var pageSize = PageSize.Resolve(request.PageSize, violations);
        var query = ClientQueryInput.Read(request, violations);
        var after = PageToken<ClientSortKey>.Decode(request.PageToken, violations);
        if (after is not null && query is not null && after.SortKey.Order != query.Order)
        {
            violations.Add("pageToken", "belongs to a list in another order.");
        }

        violations.ThrowIfAny();
        var book = await settings.GetAsync(agentId, cancellationToken);
        var now = time.GetUtcNow();
        var sql = ClientSearchSql.Build(agentId, query!, TimeZones.Today(book.TimeZone, now), now, after, pageSize + 1);
        var rows = await db.InTransactionAsync(async ct =>
        {
            // JIT off: the per-row relevance key makes every text query look costly enough to compile, which takes
            // tens of milliseconds per call and makes the query slower, not faster, at a page of a book's size.
            await db.Database.ExecuteSqlAsync($"SELECT set_config('pg_trgm.similarity_threshold', {SimilarityThreshold}, true), set_config('jit', 'off', true)", ct);
            return await sql.ReadAsync<ClientSearchRow>(db, ct);
        }, cancellationToken);

        var response = new Proto.ListClientsResponse();
        response.Clients.AddRange(rows.Take(pageSize).Select(row => row.ToSummary()));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = new PageToken<ClientSortKey>(last.SortKey(query!.Order), last.Id).Encode();
        }

        return response;
    }
}
