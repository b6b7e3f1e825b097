using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>Pages through one agent's call logs, newest first, with a keyset cursor.</summary>
public sealed class CallLogListing(ConversationDbContext db)
{
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

        violations.ThrowIfAny();

        var query = db.CallLogs.AsNoTracking().Where(c => c.AgentId == agentId);
        if (clientId is { } client)
        {
            query = query.Where(c => c.ClientId == client);
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
            .Select(c => new { c.Id, c.ClientId, c.StartedAt, c.EndedAt, c.Outcome, c.Summary })
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
        }));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = new PageToken<DateTimeOffset>(last.StartedAt, last.Id).Encode();
        }

        return response;
    }
}
