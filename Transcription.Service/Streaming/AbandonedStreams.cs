using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Transcription.Service.Streaming;

/// <summary>
/// Ends the jobs of live streams whose process died with them open: a running stream renews its job's lease at least
/// every metering interval, so a lapsed lease means nobody is transcribing it. Its seconds, written as it went, stay
/// metered; the job is failed, saying what happened, instead of showing as running forever.
/// </summary>
public sealed class AbandonedStreams(TranscriptionDbContext db, TimeProvider time)
{
    public const string Reason = "The transcription service stopped while this stream was open; the audio it had received until then is metered.";

    /// <summary>Fails every live-stream job whose lease lapsed, in one statement (safe with several replicas); answers how many.</summary>
    public Task<int> EndAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.Jobs
            .Where(j => j.Source == TranscriptionJobSource.LiveStream && j.Status == TranscriptionJobStatus.Running && j.LeaseExpiresAt < now)
            .ExecuteUpdateAsync(
                j => j.SetProperty(x => x.Status, TranscriptionJobStatus.Failed).SetProperty(x => x.Error, Reason)
                    .SetProperty(x => x.CompletedAt, now).SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken);
    }
}
