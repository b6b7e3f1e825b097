using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// Finds a call: the one a socket follows on this process, or else rebuilt from conversationdb (after a restart, or
/// when another process started it). Lookups for an agent are scoped to them, so another agent's call is not found.
/// </summary>
public sealed class CallReader(CallSessions held, CallStore store, IServiceScopeFactory scopes)
{
    /// <summary>The agent's call; asking for it counts as following it (its idle end is put off).</summary>
    public async Task<CallSession?> FindAsync(Guid agentId, string callId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(callId, out var id))
        {
            return null;
        }

        var call = held.Find(id) is { } here && here.AgentId == agentId ? here : await LoadAsync(id, agentId, cancellationToken);
        if (call is not null)
        {
            await store.SeenAsync([call.Id], cancellationToken);
        }

        return call;
    }

    /// <summary>The call as stored, whoever's it is (for the closer); null once its log is saved.</summary>
    public Task<CallSession?> LoadAsync(Guid callId, CancellationToken cancellationToken) => LoadAsync(callId, null, cancellationToken);

    private async Task<CallSession?> LoadAsync(Guid callId, Guid? agentId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
        var record = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId && (agentId == null || c.AgentId == agentId), cancellationToken);
        if (record is null)
        {
            return null;
        }

        var lines = await db.CallTranscriptLines.AsNoTracking().Where(l => l.CallId == callId).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        return Rebuild(record, lines);
    }

    private static CallSession Rebuild(CallRecord record, IReadOnlyList<CallTranscriptLine> lines)
    {
        var client = new ClientContext(record.ClientId, record.ClientName, record.ClientTimeZone, record.DoNotCall, record.RecordingConsent, record.Vocabulary, record.ClientPolicies);
        var call = new CallSession(record.AgentId, client, record.CalendarEventId, record.StartedAt, record.Id);
        foreach (var line in lines)
        {
            call.AddFinal(new TranscriptEntry(line.Speaker, line.Start, line.End, line.Text));
        }

        foreach (var note in record.Notes)
        {
            call.AddNote(note);
        }

        call.ChosenOutcome = record.ChosenOutcome is { } chosen ? Outcomes.Parse(chosen) : null;
        call.Actions.Restore([.. record.Proposals.Select(p => p.ToProposal())], record.Audit);
        if (record.EndedAt is { } endedAt)
        {
            call.TryEnd(endedAt);
            // The end and its draft are written together (CallStore.EndAsync).
            call.SetDraft(new CallDraft
            {
                CallId = record.Id.ToString(), Summary = record.DraftSummary ?? "", Outcome = Outcomes.Parse(record.DraftOutcome), FollowUps = { record.DraftFollowUps },
                Source = record.DraftSource ?? "",
            });
        }

        return call;
    }
}
