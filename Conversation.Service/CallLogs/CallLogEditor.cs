using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Calls;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Eventing;
using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>
/// Opens, edits and deletes an agent's call logs; another agent's log is NotFound. A changed outcome goes out again
/// as <see cref="CallLogged"/>, so the client's last outcome follows the log.
/// </summary>
public sealed class CallLogEditor(ConversationDbContext db)
{
    private const int MaxSummaryLength = 4000;

    public async Task<CallLogDetail> GetAsync(Guid agentId, string callLogId, CancellationToken cancellationToken)
    {
        var id = CallLogIds.Parse(callLogId);
        var log = await db.CallLogs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.AgentId == agentId, cancellationToken) ?? throw RpcErrors.NotFound("call log");
        return log.ToDetail();
    }

    public async Task<CallLogDetail> UpdateAsync(Guid agentId, UpdateCallLogRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var id = Guid.TryParse(request.CallLogId, out var parsed) ? parsed : Guid.Empty;
        if (id == Guid.Empty)
        {
            violations.Add("callLogId", "is not a call log id.");
        }

        if (request.Summary.Length > MaxSummaryLength)
        {
            violations.Add("summary", $"is longer than {MaxSummaryLength} characters.");
        }

        var outcome = Outcomes.Parse(request.Outcome.Trim());
        if (outcome == CallOutcome.Unspecified)
        {
            violations.Add("outcome", "is not an outcome (reached, voicemail, no answer, callback requested, sold, renewed, quoted, lost, do not call).");
        }

        violations.ThrowIfAny();

        var log = await db.CallLogs.FirstOrDefaultAsync(c => c.Id == id && c.AgentId == agentId, cancellationToken) ?? throw RpcErrors.NotFound("call log");
        var outcomeChanged = log.Outcome != Outcomes.Name(outcome);
        log.Summary = request.Summary.Trim();
        log.Outcome = Outcomes.Name(outcome);
        if (outcomeChanged)
        {
            db.AddEvent(CallLogWriter.Logged(log, outcome));
        }

        await db.SaveChangesAsync(cancellationToken);
        return log.ToDetail();
    }

    public async Task DeleteAsync(Guid agentId, string callLogId, CancellationToken cancellationToken)
    {
        var id = CallLogIds.Parse(callLogId);
        if (await db.CallLogs.Where(c => c.Id == id && c.AgentId == agentId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw RpcErrors.NotFound("call log");
        }
    }
}
