using System.Text.Json;
using AgentCalls.Clients.Service.Data;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.History;

/// <summary>Pages through a client's history, newest first.</summary>
public sealed class ClientHistory(ClientsDbContext db)
{
    public async Task<Proto.ListClientHistoryResponse> ListAsync(Guid agentId, Proto.ListClientHistoryRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var clientId = ResourceId.Parse(request.ClientId, violations, "clientId");
        var pageSize = PageSize.Resolve(request.PageSize, violations);
        var after = PageToken<DateTimeOffset>.Decode(request.PageToken, violations);
        violations.ThrowIfAny();
        if (!await db.Clients.AnyAsync(c => c.AgentId == agentId && c.Id == clientId, cancellationToken))
        {
            throw RpcErrors.NotFound("client");
        }

        var query = db.History.AsNoTracking().Where(e => e.AgentId == agentId && e.ClientId == clientId);
        if (after is not null)
        {
            query = query.Where(e => EF.Functions.LessThan(ValueTuple.Create(e.ChangedAt, e.Id), ValueTuple.Create(after.SortKey, after.Id)));
        }

        var rows = await query.OrderByDescending(e => e.ChangedAt).ThenByDescending(e => e.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var response = new Proto.ListClientHistoryResponse();
        response.Entries.AddRange(rows.Take(pageSize).Select(ToProto));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = new PageToken<DateTimeOffset>(last.ChangedAt, last.Id).Encode();
        }

        return response;
    }

    private static Proto.HistoryEntry ToProto(HistoryEntry e)
    {
        var entry = new Proto.HistoryEntry
        {
            EntryId = e.Id.ToString(),
            ChangedAt = Timestamp.FromDateTimeOffset(e.ChangedAt),
            Actor = e.Actor switch
            {
                HistoryActor.Agent => Proto.HistoryActor.Agent,
                HistoryActor.Import => Proto.HistoryActor.Import,
                _ => Proto.HistoryActor.CallLog,
            },
            Subject = e.Subject == HistorySubject.Client ? Proto.HistorySubject.Client : Proto.HistorySubject.Policy,
            PolicyId = e.PolicyId?.ToString() ?? "",
            PolicyNumber = e.PolicyNumber ?? "",
            Action = e.Action switch
            {
                HistoryAction.Created => Proto.HistoryAction.Created,
                HistoryAction.Updated => Proto.HistoryAction.Updated,
                _ => Proto.HistoryAction.Deleted,
            },
            SourceId = e.SourceId ?? "",
        };
        var changes = JsonSerializer.Deserialize(e.Changes, HistoryJson.Default.ListFieldChange) ?? [];
        entry.Changes.AddRange(changes.Select(c => new Proto.FieldChange { Field = c.Field, OldValue = c.From ?? "", NewValue = c.To ?? "" }));
        return entry;
    }
}
