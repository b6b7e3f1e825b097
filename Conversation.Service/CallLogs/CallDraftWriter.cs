using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Assist.Model;
using AgentCalls.Conversation.Service.CallLogs.Model;
using AgentCalls.Conversation.Service.Calls;
using Microsoft.Extensions.AI;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>
/// The draft of an ended call's log: the summarisation model's when that role is configured and its draft passes the
/// checks (after at most one repair), else the offline extractive draft, also when the provider fails. The draft's
/// <c>source</c> says which.
/// </summary>
public sealed class CallDraftWriter(
    CallBriefs briefs, TimeProvider time, ILogger<CallDraftWriter> logger, [FromKeyedServices(LlmRole.Summarisation)] IChatClient? model = null)
{
    /// <summary>
    /// The longest the end of a call waits for the model (both attempts, with the role's own retries): the agent is
    /// waiting for the draft, and a provider that is down would otherwise hold it for minutes.
    /// </summary>
    public static readonly TimeSpan MaxModelTime = TimeSpan.FromSeconds(45);

    public async Task<CallDraft> DraftAsync(CallSession call, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return CallDrafter.Draft(call);
        }

        try
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(MaxModelTime);
            if (await new ModelDrafter(model, briefs, time).DraftAsync(call, bounded.Token) is { } drafted)
            {
                return drafted;
            }

            LogStillInvalid(logger, call.Id, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, call.Id, e);
        }

        return CallDrafter.Draft(call);
    }

    // Defined by hand: two logging source generators reach this project (see DocumentAnswerer).
    private static readonly Action<ILogger, Guid, Exception?> LogStillInvalid = LoggerMessage.Define<Guid>(
        LogLevel.Warning, new EventId(1, "ModelDraftInvalid"), "Call {CallId}: the summarisation model's draft stayed invalid after a repair; the offline draft stands");

    private static readonly Action<ILogger, Guid, Exception?> LogFailed = LoggerMessage.Define<Guid>(
        LogLevel.Warning, new EventId(2, "ModelDraftFailed"), "Call {CallId}: the summarisation model failed; the offline draft stands");
}
