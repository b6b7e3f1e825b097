using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>One worker's claim on a running recording job; each claim has its own token.</summary>
/// <param name="AbandonedRuns">How many workers died with the job before this claim.</param>
public sealed record RecordingLease(Guid JobId, Guid Token, int AbandonedRuns = 0);

/// <summary>Another worker took the job over (this one's lease lapsed), or the agent deleted it: this worker stops.</summary>
public sealed class RecordingLeaseLostException(Guid jobId) : Exception($"Recording job {jobId} is no longer this worker's.");

/// <summary>
/// The worker's reads and writes of recording jobs. A job is claimed with a lease (FOR UPDATE SKIP LOCKED), queued or
/// with a lease that lapsed; every later write matches the lease's token while the job is still running, in the same
/// transaction as what it records, so a worker that lost the job writes nothing more.
/// </summary>
public sealed class RecordingLeases(TranscriptionDbContext db, TimeProvider time, IOptions<RecordingsOptions> options)
{
    public async Task<RecordingLease?> ClaimAsync(CancellationToken cancellationToken)
    {
        var token = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var expires = now + options.Value.Lease;
        // A job still Running when claimed was left by a worker that died with it (SET reads the row as it was).
        var claimed = await db.Database.SqlQuery<ClaimedJob>($"""
            UPDATE transcription_jobs SET status = 'Running', lease_token = {token}, lease_expires_at = {expires},
              abandoned_runs = abandoned_runs + CASE WHEN status = 'Running' THEN 1 ELSE 0 END
            WHERE id = (SELECT id FROM transcription_jobs
                        WHERE source = 'RecordedFile' AND (status = 'Queued' OR (status = 'Running' AND lease_expires_at < {now}))
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, abandoned_runs
            """).ToListAsync(cancellationToken);
        return claimed.Count == 1 ? new RecordingLease(claimed[0].Id, token, claimed[0].AbandonedRuns) : null;
    }

    public Task<TranscriptionJob> ReadAsync(RecordingLease lease, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().FirstAsync(j => j.Id == lease.JobId, cancellationToken);

    /// <summary>A claimed job starts over: what an earlier, interrupted run wrote is dropped.</summary>
    public Task RestartAsync(RecordingLease lease, CancellationToken cancellationToken) =>
        WriteAsync(lease, 0, [], cancellationToken, async ct => await db.RecordingSegments.Where(s => s.JobId == lease.JobId).ExecuteDeleteAsync(ct));

    /// <summary>Records the segments found so far and how far the audio has been heard, renewing the lease.</summary>
    public Task ProgressAsync(RecordingLease lease, double processedSeconds, IReadOnlyList<RecordingSegment> segments, CancellationToken cancellationToken) =>
        WriteAsync(lease, processedSeconds, segments, cancellationToken, _ => Task.CompletedTask);

    /// <summary>The transcript is complete: the last segments, the metered usage, and the audio dropped, at once.</summary>
    public Task CompleteAsync(
        RecordingLease lease, Guid agentId, string engine, double audioSeconds, IReadOnlyList<RecordingSegment> segments, CancellationToken cancellationToken) =>
        WriteAsync(lease, audioSeconds, segments, cancellationToken, async ct =>
        {
            var now = time.GetUtcNow();
            db.Usage.Add(new UsageRecord { AgentId = agentId, JobId = lease.JobId, Provider = engine, AudioSeconds = audioSeconds, RecordedAt = now });
            await db.SaveChangesAsync(ct);
            await db.RecordingAudioChunks.Where(c => c.JobId == lease.JobId).ExecuteDeleteAsync(ct);
            await Fenced(lease).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, TranscriptionJobStatus.Completed).SetProperty(j => j.AudioSeconds, audioSeconds)
                .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.LeaseToken, (Guid?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
        });

    /// <summary>The file cannot be transcribed: the reason is kept, the audio dropped (running it again would fail the same way).</summary>
    public Task FailAsync(RecordingLease lease, string error, CancellationToken cancellationToken) =>
        WriteAsync(lease, 0, [], cancellationToken, async ct =>
        {
            await db.RecordingAudioChunks.Where(c => c.JobId == lease.JobId).ExecuteDeleteAsync(ct);
            await Fenced(lease).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, TranscriptionJobStatus.Failed).SetProperty(j => j.Error, error[..Math.Min(error.Length, 2000)])
                .SetProperty(j => j.CompletedAt, time.GetUtcNow()).SetProperty(j => j.LeaseToken, (Guid?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
        });

    /// <summary>
    /// Hands the job back to the queue at once (shutting down), so the next claim, here after a restart or on another
    /// replica, takes it; as Queued, so it does not count as abandoned.
    /// </summary>
    public async Task ReleaseAsync(RecordingLease lease, CancellationToken cancellationToken) =>
        await Fenced(lease).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, TranscriptionJobStatus.Queued).SetProperty(j => j.LeaseToken, (Guid?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null),
            cancellationToken);

    private IQueryable<TranscriptionJob> Fenced(RecordingLease lease) =>
        db.Jobs.Where(j => j.Id == lease.JobId && j.LeaseToken == lease.Token && j.Status == TranscriptionJobStatus.Running);

    private async Task WriteAsync(
        RecordingLease lease, double processedSeconds, IReadOnlyList<RecordingSegment> segments, CancellationToken cancellationToken, Func<CancellationToken, Task> more)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var held = await Fenced(lease).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.ProcessedSeconds, processedSeconds).SetProperty(j => j.LeaseExpiresAt, time.GetUtcNow() + options.Value.Lease), ct);
            if (held == 0)
            {
                throw new RecordingLeaseLostException(lease.JobId);
            }

            db.RecordingSegments.AddRange(segments);
            await db.SaveChangesAsync(ct);
            await more(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }
}

/// <summary>A row of the claim's RETURNING.</summary>
internal sealed record ClaimedJob(Guid Id, int AbandonedRuns);
