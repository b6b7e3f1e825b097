using System.Data.Common;
using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.Clients.Service.Values;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Proto = AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Clients.Service.CallQueue;

/// <summary>Who needs a call today, most pressing first, with the reasons in words; see <see cref="CallQueueSql"/> for the ranking.</summary>
public sealed class CallQueueRanking(ClientsDbContext db, CallQueueRefresh refresh, BookSettingsStore settings, TimeProvider time)
{
    public async Task<Proto.ListCallQueueResponse> ListAsync(Guid agentId, Proto.ListCallQueueRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var pageSize = PageSize.Resolve(request.PageSize, violations);
        var after = PageToken<int>.Decode(request.PageToken, violations);
        violations.ThrowIfAny();

        var book = await settings.GetAsync(agentId, cancellationToken);
        var now = time.GetUtcNow();
        var today = TimeZones.Today(book.TimeZone, now);
        await refresh.BringUpToDateAsync(book, today, cancellationToken);
        var rows = await CallQueueSql.Page(agentId, now, after, pageSize + 1).ReadAsync(db, ReadEntry, cancellationToken);

        var response = new Proto.ListCallQueueResponse { Today = ProtoDates.ToProto(today) };
        response.Entries.AddRange(rows.Take(pageSize));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = new PageToken<int>(last.Score, Guid.Parse(last.ClientId)).Encode();
        }

        return response;
    }

    private static Proto.CallQueueEntry ReadEntry(DbDataReader r)
    {
        var entry = new Proto.CallQueueEntry
        {
            ClientId = r.GetGuid(0).ToString(),
            DisplayName = r.GetString(1),
            Phone = r.IsDBNull(2) ? "" : r.GetString(2),
            ContactWindowStart = ProtoDates.ToProto(r.IsDBNull(3) ? null : r.GetFieldValue<TimeOnly>(3)),
            ContactWindowEnd = ProtoDates.ToProto(r.IsDBNull(4) ? null : r.GetFieldValue<TimeOnly>(4)),
            TimeZone = r.IsDBNull(5) ? "" : r.GetString(5),
            LastContactedAt = r.IsDBNull(6) ? null : Timestamp.FromDateTime(r.GetDateTime(6)),
            Score = r.GetInt32(16),
        };
        if (r.GetBoolean(7))
        {
            entry.Reasons.Add(Reason(Proto.CallReasonKind.CallbackRequested, 0, null, null, "Asked to be called back"));
        }

        if (!r.IsDBNull(8))
        {
            var number = r.GetString(9);
            var lapsed = r.IsDBNull(10)
                ? Reason(Proto.CallReasonKind.Lapsed, 0, r.GetGuid(8), number, $"Lapsed, date unknown ({number})")
                : Reason(Proto.CallReasonKind.Lapsed, r.GetInt32(10), r.GetGuid(8), number, $"Lapsed {Days(r.GetInt32(10))} ago ({number})");
            lapsed.DateUnknown = r.IsDBNull(10);
            entry.Reasons.Add(lapsed);
        }

        if (!r.IsDBNull(13))
        {
            var days = r.GetInt32(13);
            var number = r.GetString(12);
            var when = days == 0 ? "today" : $"in {Days(days)}";
            entry.Reasons.Add(Reason(Proto.CallReasonKind.RenewalDue, days, r.GetGuid(11), number, $"Renewal {when} ({number})"));
        }

        if (!r.IsDBNull(14))
        {
            var days = r.GetInt32(14);
            var text = r.GetBoolean(15) ? $"Never contacted (added {Days(days)} ago)" : $"Not contacted for {Days(days)}";
            entry.Reasons.Add(Reason(Proto.CallReasonKind.NotContacted, days, null, null, text));
        }

        return entry;
    }

    private static Proto.CallReason Reason(Proto.CallReasonKind kind, int days, Guid? policyId, string? policyNumber, string description) => new()
    {
        Kind = kind,
        Days = days,
        PolicyId = policyId?.ToString() ?? "",
        PolicyNumber = policyNumber ?? "",
        Description = description,
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
