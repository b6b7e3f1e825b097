using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Speech;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Usage;

/// <summary>Records the audio an agent had transcribed, and refuses more once the month's limit is used up.</summary>
public sealed class UsageMeter(TranscriptionDbContext db, TimeProvider time, IOptions<TranscriptionOptions> options)
{
    public double MonthlyLimitSeconds => options.Value.MonthlyLimitSeconds;

    /// <summary>Seconds the agent used in the current UTC month.</summary>
    public async Task<double> UsedThisMonthAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var (start, end) = CurrentMonth();
        return await db.Usage.AsNoTracking()
            .Where(u => u.AgentId == agentId && u.RecordedAt >= start && u.RecordedAt < end)
            .SumAsync(u => u.AudioSeconds, cancellationToken);
    }

    /// <summary>ResourceExhausted, with a message for the agent, when this month's limit is used up.</summary>
    public async Task EnsureWithinLimitAsync(Guid agentId, CancellationToken cancellationToken)
    {
        if (await SecondsLeftAsync(agentId, cancellationToken) > 0)
        {
            return;
        }

        throw AllowanceUsedUp();
    }

    /// <summary>What is left of the agent's allowance this month, in seconds; infinite when there is no limit.</summary>
    public async Task<double> SecondsLeftAsync(Guid agentId, CancellationToken cancellationToken) =>
        MonthlyLimitSeconds <= 0 ? double.PositiveInfinity : MonthlyLimitSeconds - await UsedThisMonthAsync(agentId, cancellationToken);

    /// <summary>The answer to a stream or call once this month's allowance is used up, naming it and when it renews.</summary>
    public RpcException AllowanceUsedUp() => new(new Status(StatusCode.ResourceExhausted,
        $"This month's transcription allowance of {MonthlyLimitSeconds / 60:0.#} minutes is used up; it renews on {CurrentMonth().End:MMMM d, yyyy} (UTC)."));

    /// <summary>
    /// ResourceExhausted when a recording of <paramref name="audioSeconds"/> would take the agent past this month's limit,
    /// counting the recordings still waiting to be transcribed (metered only once done).
    /// </summary>
    public async Task EnsureRoomForAsync(Guid agentId, double audioSeconds, CancellationToken cancellationToken)
    {
        if (MonthlyLimitSeconds <= 0)
        {
            return;
        }

        var pending = await db.Jobs.AsNoTracking()
            .Where(j => j.AgentId == agentId && j.Source == TranscriptionJobSource.RecordedFile
                && (j.Status == TranscriptionJobStatus.Queued || j.Status == TranscriptionJobStatus.Running))
            .SumAsync(j => j.AudioSeconds, cancellationToken);
        var left = MonthlyLimitSeconds - await UsedThisMonthAsync(agentId, cancellationToken) - pending;
        if (audioSeconds <= left)
        {
            return;
        }

        throw new RpcException(new Status(StatusCode.ResourceExhausted,
            $"This recording ({audioSeconds / 60:0.#} minutes) does not fit in what is left of this month's transcription allowance of " +
            $"{MonthlyLimitSeconds / 60:0.#} minutes ({Math.Max(0, left) / 60:0.#} minutes); it renews on {CurrentMonth().End:MMMM d, yyyy} (UTC)."));
    }

    /// <summary>
    /// Opens a live stream's metering: a running job and its usage record, both at 0 seconds, counted from the start
    /// (so the usage report shows the stream while it runs).
    /// </summary>
    public async Task<MeteredStream> StartStreamAsync(Guid agentId, string engine, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var job = new TranscriptionJob
        {
            AgentId = agentId, Provider = engine, Status = TranscriptionJobStatus.Running, CreatedAt = now, LeaseExpiresAt = now + options.Value.StreamLease,
        };
        var usage = new UsageRecord { AgentId = agentId, JobId = job.Id, Provider = engine, RecordedAt = now };
        db.Jobs.Add(job);
        db.Usage.Add(usage);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new MeteredStream(job.Id, usage.Id);
    }

    /// <summary>Writes the stream's metered seconds so far, renewing its job's lease; <paramref name="ended"/> completes the job.</summary>
    public async Task UpdateStreamAsync(MeteredStream stream, double audioSeconds, bool ended, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Usage.Where(u => u.Id == stream.UsageId).ExecuteUpdateAsync(u => u.SetProperty(r => r.AudioSeconds, audioSeconds), ct);
            await db.Jobs.Where(j => j.Id == stream.JobId).ExecuteUpdateAsync(
                j =>
                {
                    j.SetProperty(x => x.AudioSeconds, audioSeconds);
                    if (ended)
                    {
                        // A stream the sweep took for lost (its writes held up) that ends well is completed after all.
                        j.SetProperty(x => x.Status, TranscriptionJobStatus.Completed).SetProperty(x => x.CompletedAt, now)
                            .SetProperty(x => x.Error, (string?)null).SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null);
                    }
                    else
                    {
                        j.SetProperty(x => x.LeaseExpiresAt, now + options.Value.StreamLease);
                    }
                },
                ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Forgets a stream that sent no audio: nothing was transcribed, nothing is metered.</summary>
    public Task DiscardStreamAsync(MeteredStream stream, CancellationToken cancellationToken) =>
        db.Jobs.Where(j => j.Id == stream.JobId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The calendar month (UTC) that holds <paramref name="now"/>, as [start, end).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) MonthOf(DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return (start, start.AddMonths(1));
    }

    private (DateTimeOffset Start, DateTimeOffset End) CurrentMonth() => MonthOf(time.GetUtcNow().ToUniversalTime());
}
