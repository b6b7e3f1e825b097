using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.CallLogs;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// Ends calls and saves their logs, once however many processes try: the end is recorded only if the call was still
/// live, and saving removes the call's row in the transaction that writes its log.
/// </summary>
public sealed partial class CallCloser(
    CallSessions calls, CallAudio audio, CallDraftWriter drafts, CallStore store, CallReader reader, IServiceScopeFactory scopes, TimeProvider time, ILogger<CallCloser> logger)
{
    /// <summary>Ends the call (once) and returns its draft; later calls return the same draft.</summary>
    public async Task<CallDraft> EndAsync(CallSession call)
    {
        if (call.TryEnd(time.GetUtcNow()))
        {
            call.Actions.ExpireOpen(time.GetUtcNow());
            await audio.StopAsync(call);
            var draft = await drafts.DraftAsync(call, CancellationToken.None);
            if (!await store.EndAsync(call, draft) && (await reader.LoadAsync(call.Id, CancellationToken.None))?.Draft is { } stored)
            {
                // Another process ended it first: its draft is the call's.
                draft = stored;
            }

            call.SetDraft(draft);
            await call.PushAsync(new EndedMessage(DraftView.Of(draft)), CancellationToken.None);
        }

        // A second end racing the first waits for its draft rather than answering without one.
        return await call.DraftReady;
    }

    /// <summary>Saves the ended call's log once; null when it was already saved.</summary>
    public async Task<CallLog?> SaveAsync(CallSession call, SaveCallInput input, CancellationToken cancellationToken)
    {
        if (!call.TryClaimSave())
        {
            return null;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var log = await scope.ServiceProvider.GetRequiredService<CallLogWriter>().SaveAsync(call, input, cancellationToken);
            calls.Remove(call);
            return log;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The call's row was gone: another process saved it.
            calls.Remove(call);
            return null;
        }
        catch
        {
            call.ReleaseSave();
            throw;
        }
    }

    /// <summary>
    /// Ends a call nobody followed for the idle timeout, and logs it with its draft; an action its dead process was
    /// running is logged as interrupted.
    /// </summary>
    public async Task CloseUnattendedAsync(CallSession call, TimeSpan idleTimeout)
    {
        LogUnattended(call.Id, idleTimeout);
        call.Actions.FailInterrupted(time.GetUtcNow());
        await SaveDraftAsync(call, await EndAsync(call));
    }

    /// <summary>Logs an ended call nobody saved in time with its draft.</summary>
    public async Task CloseUnsavedAsync(CallSession call)
    {
        call.Actions.FailInterrupted(time.GetUtcNow());
        await SaveDraftAsync(call, await call.DraftReady);
    }

    private async Task SaveDraftAsync(CallSession call, CallDraft draft)
    {
        try
        {
            await SaveAsync(call, SaveCallInput.Of(draft), CancellationToken.None);
        }
        catch (Exception e)
        {
            // Nobody waits on this save; the call stays stored, and the agent (or the next sweep) can still save it.
            LogSaveFailed(call.Id, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} had no connection for {IdleTimeout}: ended and logged")]
    private partial void LogUnattended(Guid callId, TimeSpan idleTimeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: saving its log with the draft failed")]
    private partial void LogSaveFailed(Guid callId, Exception exception);
}
