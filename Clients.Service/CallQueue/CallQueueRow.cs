using Google.Protobuf.WellKnownTypes;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.CallQueue;

/// <summary>
/// One row of a call queue page, read by column name (<see cref="CallQueueRanking"/>'s SELECT): the client as they are
/// now, and the reasons stored with their rank in <c>call_queue_entries</c>, which this turns into words.
/// </summary>
public sealed record CallQueueRow(
    Guid ClientId,
    string DisplayName,
    string? Phone,
    TimeOnly? ContactWindowStart,
    TimeOnly? ContactWindowEnd,
    string? TimeZone,
    DateTime? LastContactedAt,
    bool NeverContacted,
    int Score,
    bool Callback,
    Guid? LapsePolicyId,
    string? LapsePolicyNumber,
    int? LapseDays,
    Guid? RenewalPolicyId,
    string? RenewalPolicyNumber,
    int? RenewalDays,
    int? QuietDays)
{
    public Proto.CallQueueEntry ToProto()
    {
        var entry = new Proto.CallQueueEntry
        {
            ClientId = ClientId.ToString(),
            DisplayName = DisplayName,
            Phone = Phone ?? "",
            ContactWindowStart = ProtoDates.ToProto(ContactWindowStart),
            ContactWindowEnd = ProtoDates.ToProto(ContactWindowEnd),
            TimeZone = TimeZone ?? "",
            LastContactedAt = LastContactedAt is { } contacted ? Timestamp.FromDateTime(contacted) : null,
            Score = Score,
        };
        if (Callback)
        {
            entry.Reasons.Add(Reason(Proto.CallReasonKind.CallbackRequested, 0, null, null, "Asked to be called back"));
        }

        if (LapsePolicyId is { } lapsedPolicy)
        {
            var lapsed = LapseDays is { } ago
                ? Reason(Proto.CallReasonKind.Lapsed, ago, lapsedPolicy, LapsePolicyNumber, $"Lapsed {Days(ago)} ago ({LapsePolicyNumber})")
                : Reason(Proto.CallReasonKind.Lapsed, 0, lapsedPolicy, LapsePolicyNumber, $"Lapsed, date unknown ({LapsePolicyNumber})");
            lapsed.DateUnknown = LapseDays is null;
            entry.Reasons.Add(lapsed);
        }

        if (RenewalDays is { } days)
        {
            var when = days == 0 ? "today" : $"in {Days(days)}";
            entry.Reasons.Add(Reason(Proto.CallReasonKind.RenewalDue, days, RenewalPolicyId, RenewalPolicyNumber, $"Renewal {when} ({RenewalPolicyNumber})"));
        }

        if (QuietDays is { } quiet)
        {
            var text = NeverContacted ? $"Never contacted (added {Days(quiet)} ago)" : $"Not contacted for {Days(quiet)}";
            entry.Reasons.Add(Reason(Proto.CallReasonKind.NotContacted, quiet, null, null, text));
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
