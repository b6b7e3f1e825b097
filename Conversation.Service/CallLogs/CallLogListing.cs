using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>
/// Pages through one agent's call logs, newest first, with a keyset cursor: all of them, one client's, or those whose
/// transcript or summary match a search (Postgres full text, web search syntax).
/// </summary>
public sealed class CallLogListing(ConversationDbContext db)
{
    private const int MaxQueryLength = 200;

    public async Task<ListCallLogsResponse> ListAsync(Guid agentId, ListCallLogsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var pageSize = PageSize.Resolve(request.PageSize, violations);
        var before = PageToken<DateTimeOffset>.Decode(request.PageToken, violations);
        Guid? clientId = null;
        if (request.ClientId.Length > 0)
        {
            if (Guid.TryParse(request.ClientId, out var parsed))
            {
                clientId = parsed;
            }
            else
            {
                violations.Add("clientId", "is not a client id.");
            }
        }

        var search = request.Query.Trim();
        if (search.Length > MaxQueryLength)
        {
            violations.Add("query", $"is longer than {MaxQueryLength} characters.");
        }

        violations.ThrowIfAny();

        var query = db.CallLogs.AsNoTracking().Where(c => c.AgentId == agentId);
        if (clientId is { } client)
        {
            query = query.Where(c => c.ClientId == client);
        }

        if (search.Length > 0)
        {
            query = query.Where(c => c.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(CallLogSearch.Language, search)));
        }

        if (before is not null)
        {
            query = query.Where(c => EF.Functions.LessThan(
                ValueTuple.Create(c.StartedAt, c.Id),
                // Npgsql writes timestamptz only from UTC; a token is opaque to callers but still their input.
                ValueTuple.Create(before.SortKey.ToUniversalTime(), before.Id)));
        }

        var rows = await query
            .OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id)
            .Take(pageSize + 1)
            .Select(c => new { c.Id, c.ClientId, c.ClientName, c.StartedAt, c.EndedAt, c.DurationSeconds, c.Outcome, c.Summary })
            .ToListAsync(cancellationToken);

        var response = new ListCallLogsResponse();
        response.CallLogs.AddRange(rows.Take(pageSize).Select(c => new CallLogSummary
        {
            CallLogId = c.Id.ToString(),
            ClientId = c.ClientId.ToString(),
            StartedAt = Timestamp.FromDateTimeOffset(c.StartedAt),
            EndedAt = c.EndedAt is { } ended ? Timestamp.FromDateTimeOffset(ended) : null,
            Outcome = c.Outcome ?? "",
            Summary = c.Summary ?? "",
            ClientName = c.ClientName ?? "",
            DurationSeconds = c.DurationSeconds,
        }));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = new PageToken<DateTimeOffset>(last.StartedAt, last.Id).Encode();
        }

        return response;
    }
}
