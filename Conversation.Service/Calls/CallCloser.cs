using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.CallLogs;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// Ends calls and saves their logs: when the agent ends one, when one is left without a connection for the idle
/// timeout (ended and saved with its draft), and when an ended call is not saved in time (saved with its draft).
/// </summary>
public sealed partial class CallCloser(
    CallSessions calls, CallAudio audio, IServiceScopeFactory scopes, IOptions<CallsOptions> options, TimeProvider time, ILogger<CallCloser> logger)
{
    /// <summary>Ends the call (once) and returns its draft; later calls return the same draft.</summary>
    public async Task<CallDraft> EndAsync(CallSession call)
    {
        if (call.TryEnd(time.GetUtcNow()))
        {
            call.Actions.ExpireOpen(time.GetUtcNow());
            await audio.StopAsync(call);
            call.SetDraft(CallDrafter.Draft(call));
            await call.PushAsync(new EndedMessage(DraftView.Of(call.Draft!)), CancellationToken.None);
            _ = SaveWhenUnsavedAsync(call);
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
        catch
        {
            call.ReleaseSave();
            throw;
        }
    }

    /// <summary>Starts the countdown to ending a call nobody follows; <paramref name="reconnected"/> stops it.</summary>
    public void EndWhenUnattended(CallSession call, CancellationToken reconnected) => _ = EndWhenUnattendedAsync(call, reconnected);

    private async Task EndWhenUnattendedAsync(CallSession call, CancellationToken reconnected)
    {
        try
        {
            await Task.Delay(options.Value.IdleTimeout, time, reconnected);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        LogUnattended(call.Id, options.Value.IdleTimeout);
        await SaveDraftAsync(call, await EndAsync(call));
    }

    private async Task SaveWhenUnsavedAsync(CallSession call)
    {
        await Task.Delay(options.Value.UnsavedTimeout, time);
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
            // Nobody waits on this save; the call stays held, and the agent can still save it.
            LogSaveFailed(call.Id, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} had no connection for {IdleTimeout}: ended and logged")]
    private partial void LogUnattended(Guid callId, TimeSpan idleTimeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: saving its log with the draft failed")]
    private partial void LogSaveFailed(Guid callId, Exception exception);
}
