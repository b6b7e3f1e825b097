using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Calls;
using Google.Protobuf.WellKnownTypes;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>A stored call log as the API returns it in full.</summary>
public static class CallLogMapping
{
    public static CallLogDetail ToDetail(this CallLog log)
    {
        var detail = new CallLogDetail
        {
            CallLogId = log.Id.ToString(),
            ClientId = log.ClientId.ToString(),
            ClientName = log.ClientName ?? "",
            CalendarEventId = log.CalendarEventId ?? "",
            StartedAt = Timestamp.FromDateTimeOffset(log.StartedAt),
            EndedAt = log.EndedAt is { } ended ? Timestamp.FromDateTimeOffset(ended) : null,
            DurationSeconds = log.DurationSeconds,
            Summary = log.Summary ?? "",
            Outcome = log.Outcome ?? "",
            OutcomeNote = log.OutcomeNote ?? "",
            FollowUps = { log.FollowUps },
            Notes = { log.Notes },
        };
        detail.Transcript.AddRange(log.TranscriptLines.Select(e => e.ToContract()));
        detail.Audit.AddRange(log.Audit.Select(a => new AuditStep
        {
            At = Timestamp.FromDateTimeOffset(a.At),
            Step = a.Step,
            ProposalId = a.ProposalId,
            Kind = a.Kind,
            Arguments = a.Arguments,
            Result = a.Result ?? "",
        }));
        return detail;
    }
}
