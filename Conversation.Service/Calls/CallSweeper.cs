using AgentCalls.Conversation.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// Closes the calls nobody follows, from what conversationdb says rather than from timers in one process, so calls
/// that were live when a process died are closed too. On every round it marks the calls followed here as seen, ends
/// and logs live calls not seen for the idle timeout, and logs ended calls not saved within the unsaved timeout.
/// </summary>
public sealed partial class CallSweeper(
    CallSessions held, CallStore store, CallReader reader, CallCloser closer, CallAudio audio, IServiceScopeFactory scopes, IOptions<CallsOptions> options,
    TimeProvider time, ILogger<CallSweeper> logger) : BackgroundService
{
    private const int CallsPerRound = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await store.SeenAsync(held.AttendedIds(), cancellationToken);
        await ForgetLoggedElsewhereAsync(cancellationToken);
        var now = time.GetUtcNow();
        var idleSince = now - options.Value.IdleTimeout;
        var unsavedSince = now - options.Value.UnsavedTimeout;
        List<Guid> idle, unsaved;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
            idle = await db.Calls.Where(c => c.EndedAt == null && c.LastSeenAt < idleSince)
                .OrderBy(c => c.LastSeenAt).Select(c => c.Id).Take(CallsPerRound).ToListAsync(cancellationToken);
            unsaved = await db.Calls.Where(c => c.EndedAt != null && c.EndedAt < unsavedSince)
                .OrderBy(c => c.EndedAt).Select(c => c.Id).Take(CallsPerRound).ToListAsync(cancellationToken);
        }

        foreach (var id in idle)
        {
            if (await FindAsync(id, cancellationToken) is { } call)
            {
                await closer.CloseUnattendedAsync(call, options.Value.IdleTimeout);
            }
        }

        foreach (var id in unsaved)
        {
            if (await FindAsync(id, cancellationToken) is { } call)
            {
                await closer.CloseUnsavedAsync(call);
            }
        }
    }

    /// <summary>Lets go of held calls whose log another process saved (the browser reconnected to another replica).</summary>
    private async Task ForgetLoggedElsewhereAsync(CancellationToken cancellationToken)
    {
        var unattended = held.Unattended();
        if (unattended.Count == 0)
        {
            return;
        }

        List<Guid> ids = [.. unattended.Select(c => c.Id)];
        List<Guid> stored;
        await using (var scope = scopes.CreateAsyncScope())
        {
            stored = await scope.ServiceProvider.GetRequiredService<ConversationDbContext>().Calls
                .Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        foreach (var call in unattended.Where(c => !stored.Contains(c.Id)))
        {
            held.Remove(call);
            await audio.StopAsync(call);
        }
    }

    private async Task<CallSession?> FindAsync(Guid callId, CancellationToken cancellationToken) =>
        held.Find(callId) ?? await reader.LoadAsync(callId, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing unattended calls failed; trying again on the next round")]
    private partial void LogSweepFailed(Exception exception);
}
