using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Calls;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Eventing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>
/// Writes an ended call's log and queues <see cref="CallLogged"/> with it, and removes the stored call, in one
/// transaction: a call saved by another process meanwhile fails it (<see cref="DbUpdateConcurrencyException"/>).
/// </summary>
public sealed class CallLogWriter(ConversationDbContext db)
{
    public async Task<CallLog> SaveAsync(CallSession call, SaveCallInput input, CancellationToken cancellationToken)
    {
        var transcript = call.Transcript();
        var endedAt = call.EndedAt ?? throw new InvalidOperationException("Only an ended call is logged.");
        var log = new CallLog
        {
            // The call's own id: a call is logged once.
            Id = call.Id,
            AgentId = call.AgentId,
            ClientId = call.Client.Id,
            ClientName = call.Client.Name,
            CalendarEventId = call.CalendarEventId,
            StartedAt = call.StartedAt,
            EndedAt = endedAt,
            DurationSeconds = (int)Math.Round((endedAt - call.StartedAt).TotalSeconds),
            Summary = input.Summary,
            Outcome = Outcomes.Name(input.Outcome),
            OutcomeNote = input.OutcomeNote,
            FollowUps = [.. input.FollowUps],
            Transcript = string.Join("\n", transcript.Select(e => $"{CallDrafter.Speaker(e.Speaker)}: {e.Text}")),
            TranscriptLines = [.. transcript],
            Notes = [.. call.Notes()],
            Audit = [.. call.Actions.Audit()],
        };
        db.CallLogs.Add(log);
        db.Calls.Remove(db.Calls.Attach(new CallRecord { Id = call.Id, AgentId = call.AgentId, ClientId = call.Client.Id, ClientName = call.Client.Name }).Entity);
        db.AddEvent(Logged(log, input.Outcome));
        await db.SaveChangesAsync(cancellationToken);
        return log;
    }

    /// <summary>The event that tells Clients and Calendar what the log says.</summary>
    public static CallLogged Logged(CallLog log, CallOutcome outcome) => new()
    {
        AgentId = log.AgentId.ToString(),
        CallLogId = log.Id.ToString(),
        ClientId = log.ClientId.ToString(),
        StartedAt = Timestamp.FromDateTimeOffset(log.StartedAt),
        EndedAt = log.EndedAt is { } ended ? Timestamp.FromDateTimeOffset(ended) : null,
        Outcome = outcome,
        OutcomeNote = log.OutcomeNote ?? "",
        CalendarEventId = log.CalendarEventId ?? "",
    };
}
