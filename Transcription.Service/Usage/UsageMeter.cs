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
        if (MonthlyLimitSeconds <= 0 || await UsedThisMonthAsync(agentId, cancellationToken) < MonthlyLimitSeconds)
        {
            return;
        }

        var resets = CurrentMonth().End;
        throw new RpcException(new Status(StatusCode.ResourceExhausted,
            $"This month's transcription allowance of {MonthlyLimitSeconds / 60:0.#} minutes is used up; it renews on {resets:MMMM d, yyyy} (UTC)."));
    }

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

    /// <summary>Records a finished live stream as a completed job metered at its audio seconds.</summary>
    public async Task RecordStreamAsync(Guid agentId, string engine, double audioSeconds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var job = new TranscriptionJob { AgentId = agentId, Provider = engine, Status = TranscriptionJobStatus.Completed, AudioSeconds = audioSeconds, CreatedAt = now, CompletedAt = now };
        db.Jobs.Add(job);
        db.Usage.Add(new UsageRecord { AgentId = agentId, JobId = job.Id, Provider = engine, AudioSeconds = audioSeconds, RecordedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The calendar month (UTC) that holds <paramref name="now"/>, as [start, end).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) MonthOf(DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return (start, start.AddMonths(1));
    }

    private (DateTimeOffset Start, DateTimeOffset End) CurrentMonth() => MonthOf(time.GetUtcNow().ToUniversalTime());
}
