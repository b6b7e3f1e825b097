using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// Writes a call to conversationdb as it happens: the row at the start, each final utterance as it arrives, the notes
/// and actions at every change, the end with its draft. A restart, or another replica, picks the call up from there.
/// </summary>
public sealed class CallStore(IServiceScopeFactory scopes, TimeProvider time)
{
    public Task AddAsync(CallSession call, CancellationToken cancellationToken) =>
        WriteAsync(db =>
        {
            db.Calls.Add(new CallRecord
            {
                Id = call.Id,
                AgentId = call.AgentId,
                ClientId = call.Client.Id,
                ClientName = call.Client.Name,
                ClientTimeZone = call.Client.TimeZone,
                DoNotCall = call.Client.DoNotCall,
                RecordingConsent = call.Client.RecordingConsent,
                Vocabulary = [.. call.Client.Vocabulary],
                ClientPolicies = [.. call.Client.Policies],
                CalendarEventId = call.CalendarEventId,
                StartedAt = call.StartedAt,
                LastSeenAt = call.StartedAt,
            });
            return db.SaveChangesAsync(cancellationToken);
        });

    public Task AddFinalAsync(CallSession call, TranscriptEntry entry, CancellationToken cancellationToken) =>
        WriteAsync(db =>
        {
            db.CallTranscriptLines.Add(new CallTranscriptLine { CallId = call.Id, Speaker = entry.Speaker, Start = entry.Start, End = entry.End, Text = entry.Text });
            return db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>Writes the call's notes, chosen outcome and actions as they stand now.</summary>
    public async Task SaveStateAsync(CallSession call, CancellationToken cancellationToken)
    {
        await call.StateGate.WaitAsync(cancellationToken);
        try
        {
            List<string> notes = [.. call.Notes()];
            List<ProposalRecord> proposals = [.. call.Actions.Proposals().Select(ProposalRecord.Of)];
            List<AuditEntry> audit = [.. call.Actions.Audit()];
            var outcome = call.ChosenOutcome is { } chosen ? Outcomes.Name(chosen) : null;
            await WriteAsync(db => db.Calls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Notes, notes)
                .SetProperty(x => x.ChosenOutcome, outcome)
                .SetProperty(x => x.Proposals, proposals)
                .SetProperty(x => x.Audit, audit), cancellationToken));
        }
        finally
        {
            call.StateGate.Release();
        }
    }

    /// <summary>Records the end and its draft; false when the call had already ended (another process ended it first).</summary>
    public async Task<bool> EndAsync(CallSession call, CallDraft draft)
    {
        List<ProposalRecord> proposals = [.. call.Actions.Proposals().Select(ProposalRecord.Of)];
        List<AuditEntry> audit = [.. call.Actions.Audit()];
        List<string> followUps = [.. draft.FollowUps];
        var endedAt = call.EndedAt ?? time.GetUtcNow();
        var ended = 0;
        await WriteAsync(async db => ended = await db.Calls.Where(c => c.Id == call.Id && c.EndedAt == null).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.EndedAt, endedAt)
            .SetProperty(x => x.Proposals, proposals)
            .SetProperty(x => x.Audit, audit)
            .SetProperty(x => x.DraftSummary, draft.Summary)
            .SetProperty(x => x.DraftOutcome, Outcomes.Name(draft.Outcome))
            .SetProperty(x => x.DraftFollowUps, followUps)
            .SetProperty(x => x.DraftSource, draft.Source), CancellationToken.None));
        return ended == 1;
    }

    /// <summary>
    /// Claims <paramref name="proposal"/> for the confirm <paramref name="requestId"/>, once across every process;
    /// returns whether this confirm won it, and the request id that holds it.
    /// </summary>
    public async Task<(bool Won, string Holder)> ClaimAsync(CallSession call, Actions.ActionProposal proposal, string requestId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
        var won = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO action_claims (proposal_id, call_id, request_id, claimed_at)
            VALUES ({proposal.Id}, {call.Id}, {requestId}, {time.GetUtcNow()})
            ON CONFLICT (proposal_id) DO NOTHING
            """, cancellationToken) == 1;
        var holder = won ? requestId : await db.ActionClaims.Where(c => c.ProposalId == proposal.Id).Select(c => c.RequestId).SingleAsync(cancellationToken);
        return (won, holder);
    }

    /// <summary>Marks live calls as followed now, which puts off their idle end.</summary>
    public Task SeenAsync(IReadOnlyCollection<Guid> callIds, CancellationToken cancellationToken)
    {
        if (callIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        return WriteAsync(db => db.Calls.Where(c => callIds.Contains(c.Id) && c.EndedAt == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.LastSeenAt, now), cancellationToken));
    }

    private async Task WriteAsync(Func<ConversationDbContext, Task> write)
    {
        await using var scope = scopes.CreateAsyncScope();
        await write(scope.ServiceProvider.GetRequiredService<ConversationDbContext>());
    }
}
