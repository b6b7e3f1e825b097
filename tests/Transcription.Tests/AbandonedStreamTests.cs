using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Streaming;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Transcription.Tests;

/// <summary>Live-stream jobs left running by a process that died are ended by the sweep; live ones are not.</summary>
public sealed class AbandonedStreamTests(TranscriptionServiceHost host)
{
    [Fact]
    public async Task Sweep_StreamJobWhoseLeaseLapsed_IsFailedWithTheReasonAndKeepsItsMeteredSeconds()
    {
        var agentId = Guid.NewGuid();
        var lost = StreamJob(agentId, DateTimeOffset.UtcNow.AddMinutes(-1));
        await host.Services.AddRowsAsync<TranscriptionDbContext>([lost], TestContext.Current.CancellationToken);

        var ended = await Eventually.ReturnsAsync(async () => await JobAsync(lost.Id) is { Status: not TranscriptionJobStatus.Running } job ? job : null);

        Assert.Equal((TranscriptionJobStatus.Failed, AbandonedStreams.Reason, null), (ended.Status, ended.Error, ended.LeaseExpiresAt));
        Assert.NotNull(ended.CompletedAt);
        Assert.Equal(42, ended.AudioSeconds);
    }

    [Fact]
    public async Task Sweep_StreamJobWhoseLeaseIsStillRenewed_IsLeftRunning()
    {
        var agentId = Guid.NewGuid();
        var live = StreamJob(agentId, DateTimeOffset.UtcNow.AddHours(1));
        var lost = StreamJob(agentId, DateTimeOffset.UtcNow.AddMinutes(-1));
        await host.Services.AddRowsAsync<TranscriptionDbContext>([live, lost], TestContext.Current.CancellationToken);

        // Once the lapsed stream is swept, a sweep has passed over the live one too.
        await Eventually.IsTrueAsync(async () => (await JobAsync(lost.Id))!.Status == TranscriptionJobStatus.Failed);

        Assert.Equal(TranscriptionJobStatus.Running, (await JobAsync(live.Id))!.Status);
    }

    private static TranscriptionJob StreamJob(Guid agentId, DateTimeOffset leaseExpiresAt) => new()
    {
        AgentId = agentId, Provider = "pocketsphinx", Source = TranscriptionJobSource.LiveStream, Status = TranscriptionJobStatus.Running,
        AudioSeconds = 42, LeaseExpiresAt = leaseExpiresAt,
    };

    private Task<TranscriptionJob?> JobAsync(Guid id) =>
        host.Services.QueryAsync<TranscriptionDbContext, TranscriptionJob?>(db => db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, TestContext.Current.CancellationToken));
}
