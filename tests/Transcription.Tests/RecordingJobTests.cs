using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Recordings;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Tests;

/// <summary>
/// Uploaded recordings transcribed by the background worker with the real engines (ffmpeg, Silero VAD, PocketSphinx) on
/// espeak-ng speech. One class, so its jobs run one after another and stopping the worker touches no other test's job.
/// </summary>
public sealed class RecordingJobTests(TranscriptionServiceHost host)
{
    private const string AgentLine = "hi xiomara okafor i am calling about your umbrella policy with progressive";
    private const string ClientLine = "my deductible went up and i need to file a claim with nationwide";
    private const string Hints = "vocabulary=Xiomara%20Okafor&vocabulary=Progressive&vocabulary=Nationwide&vocabulary=umbrella%20policy";

    [Fact]
    public async Task Upload_WavOfSpeech_ReportsProgressAndEndsWithSegmentsHoldingTheVocabularyWords()
    {
        var agent = await host.SignInAsync("Wendy Wav", cancellationToken: TestContext.Current.CancellationToken);
        var speech = Padded(await SpokenAudio.SayAsync(AgentLine));

        var id = await host.UploadAcceptedAsync(agent, await RecordedAudio.MonoAsync(speech, "wav"), $"fileName=call.wav&{Hints}");
        var (progress, transcript) = await host.WaitUntilDoneAsync(agent, id);

        Assert.Equal(RecordingStatus.Completed, transcript.Recording.Status);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(100, progress[^1]);
        Assert.All(transcript.Segments, s => Assert.Equal(ProtoChannel.Agent, s.Channel));
        Assert.Contains("umbrella", transcript.Words(ProtoChannel.Agent));
        Assert.Contains("policy", transcript.Words(ProtoChannel.Agent));
        var first = transcript.Segments[0];
        Assert.InRange(first.Start.ToTimeSpan().TotalSeconds, 0, first.End.ToTimeSpan().TotalSeconds);
        Assert.InRange(first.Confidence, 0, 1);
    }

    [Theory]
    [InlineData("flac")]
    [InlineData("mp3")]
    [InlineData("m4a")]
    [InlineData("ogg")]
    public async Task Upload_CompressedFormatsOfAClientSpeaking_AreDecodedAndLabelledAsTheClient(string extension)
    {
        var agent = await host.SignInAsync($"Carl {extension}", cancellationToken: TestContext.Current.CancellationToken);
        var speech = Padded(await SpokenAudio.SayAsync(ClientLine, "en-us+f3"));

        var id = await host.UploadAcceptedAsync(agent, await RecordedAudio.MonoAsync(speech, extension), $"fileName=call.{extension}&speaker=client&{Hints}");
        var (_, transcript) = await host.WaitUntilDoneAsync(agent, id);

        Assert.Equal(RecordingStatus.Completed, transcript.Recording.Status);
        Assert.Equal(ProtoChannel.Client, transcript.Recording.MonoSpeaker);
        Assert.All(transcript.Segments, s => Assert.Equal(ProtoChannel.Client, s.Channel));
        Assert.Contains("deductible", transcript.Words(ProtoChannel.Client));
        Assert.Contains("claim", transcript.Words(ProtoChannel.Client));
    }

    [Fact]
    public async Task Upload_StereoFile_KeepsTheAgentOnTheLeftAndTheClientOnTheRightApart()
    {
        var agent = await host.SignInAsync("Stan Stereo", cancellationToken: TestContext.Current.CancellationToken);
        var left = Padded(await SpokenAudio.SayAsync(AgentLine));
        var right = Padded([.. SpokenAudio.Silence(1), .. await SpokenAudio.SayAsync(ClientLine, "en-us+f3")]);

        var id = await host.UploadAcceptedAsync(agent, await RecordedAudio.StereoAsync(left, right), $"fileName=stereo.wav&{Hints}");
        var (_, transcript) = await host.WaitUntilDoneAsync(agent, id);

        Assert.Equal(2, transcript.Recording.Channels);
        var agentWords = transcript.Words(ProtoChannel.Agent);
        var clientWords = transcript.Words(ProtoChannel.Client);
        Assert.Contains("umbrella", agentWords);
        Assert.Contains("deductible", clientWords);
        Assert.DoesNotContain("deductible", agentWords);
        Assert.DoesNotContain("umbrella", clientWords);
        Assert.Equal(transcript.Segments.OrderBy(s => s.Start.ToTimeSpan()).Select(s => s.UtteranceId), transcript.Segments.Select(s => s.UtteranceId));
    }

    [Fact]
    public async Task Worker_StoppedInTheMiddleOfAJobAndStartedAgain_FinishesTheJob()
    {
        var agent = await host.SignInAsync("Rhea Restart", cancellationToken: TestContext.Current.CancellationToken);
        var gate = host.Services.GetRequiredService<SpeechGate>();
        var worker = host.Services.GetServices<IHostedService>().OfType<RecordingWorker>().Single();
        var firstLine = await SpokenAudio.SayAsync(AgentLine);
        var speech = Padded([.. firstLine, .. SpokenAudio.Silence(1.5), .. await SpokenAudio.SayAsync("thank you for your time")]);
        var secondLineStarts = TimeSpan.FromSeconds(0.5 + firstLine.Length / (double)SpokenAudio.SampleRate + 1.5);
        gate.Arm();

        var id = await host.UploadAcceptedAsync(agent, await RecordedAudio.MonoAsync(speech, "wav"), $"fileName=long.wav&engine={GatedSpeechEngine.EngineName}&{Hints}");
        await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);
        var midway = await host.TranscriptAsync(agent, id);
        await worker.StopAsync(TestContext.Current.CancellationToken);
        var stopped = await host.GetAsync(agent, id);
        gate.Disarm();
        await worker.StartAsync(TestContext.Current.CancellationToken);
        var (_, transcript) = await host.WaitUntilDoneAsync(agent, id);

        Assert.Equal(RecordingStatus.Running, midway.Recording.Status);
        Assert.InRange(midway.Recording.ProgressPercent, 1, 99);
        Assert.Contains("umbrella", midway.Words(ProtoChannel.Agent));
        // Handed back to the queue on purpose: not a worker that died with it.
        Assert.Equal(RecordingStatus.Queued, stopped.Status);
        Assert.Equal(0, await host.Services.QueryAsync<TranscriptionDbContext, int>(db => db.Jobs.Where(j => j.Id == Guid.Parse(id)).Select(j => j.AbandonedRuns).SingleAsync()));
        Assert.Equal(RecordingStatus.Completed, transcript.Recording.Status);
        Assert.Contains("umbrella", transcript.Words(ProtoChannel.Agent));
        Assert.Contains(transcript.Segments, s => s.Start.ToTimeSpan() >= secondLineStarts - TimeSpan.FromSeconds(0.3));
        Assert.Single(transcript.Segments, s => s.Text.Contains("umbrella", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteRecording_WhileItIsBeingTranscribed_TheWorkerDropsItWritesNothingMoreAndGoesOn()
    {
        var agent = await host.SignInAsync("Dirk Midway", cancellationToken: TestContext.Current.CancellationToken);
        var gate = host.Services.GetRequiredService<SpeechGate>();
        var speech = Padded([.. await SpokenAudio.SayAsync(AgentLine), .. SpokenAudio.Silence(1.5), .. await SpokenAudio.SayAsync("thank you for your time")]);
        gate.Arm();
        var id = await host.UploadAcceptedAsync(agent, await RecordedAudio.MonoAsync(speech, "wav"), $"fileName=midway.wav&engine={GatedSpeechEngine.EngineName}");
        await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);

        await host.Recordings().DeleteRecordingAsync(new DeleteRecordingRequest { RecordingId = id }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
        gate.Disarm();
        var next = await host.UploadAcceptedAsync(agent, await RecordedAudio.MonoAsync(Padded(await SpokenAudio.SayAsync("thank you for your time")), "wav"));
        var (_, transcript) = await host.WaitUntilDoneAsync(agent, next);

        Assert.Equal(RecordingStatus.Completed, transcript.Recording.Status);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.GetAsync(agent, id));
        Assert.Equal(0, await SegmentsAsync(Guid.Parse(id)));
        Assert.Equal(0, await AudioChunksAsync(Guid.Parse(id)));
    }

    [Fact]
    public async Task Worker_JobLeftRunningByADeadWorker_IsTakenOverWhenItsLeaseLapsesAndCompletes()
    {
        var agent = await host.SignInAsync("Lena Lapsed", cancellationToken: TestContext.Current.CancellationToken);

        var jobId = await LeftByADeadWorkerAsync(agent, abandonedRuns: 0);
        var (_, transcript) = await host.WaitUntilDoneAsync(agent, jobId.ToString());

        Assert.Equal(RecordingStatus.Completed, transcript.Recording.Status);
        Assert.Contains("umbrella", transcript.Words(ProtoChannel.Agent));
    }

    [Fact]
    public async Task Worker_JobWhoseWorkersDiedWithItTwice_IsFailedWithTheReasonInsteadOfRunAgain()
    {
        var agent = await host.SignInAsync("Pax Poison", cancellationToken: TestContext.Current.CancellationToken);

        var jobId = await LeftByADeadWorkerAsync(agent, abandonedRuns: 1);
        var (_, transcript) = await host.WaitUntilDoneAsync(agent, jobId.ToString());

        Assert.Equal(RecordingStatus.Failed, transcript.Recording.Status);
        Assert.Equal(RecordingWorker.AbandonedFailure(2), transcript.Recording.Error);
        Assert.Empty(transcript.Segments);
        Assert.Equal(0, await AudioChunksAsync(jobId));
    }

    /// <summary>
    /// A recording job running under a lease that lapsed a minute ago, as a worker that died with it leaves it, after
    /// <paramref name="abandonedRuns"/> earlier such deaths; the worker is woken to look.
    /// </summary>
    private async Task<Guid> LeftByADeadWorkerAsync(SignedInAgent agent, int abandonedRuns)
    {
        var file = await RecordedAudio.MonoAsync(Padded(await SpokenAudio.SayAsync(AgentLine)), "wav");
        var job = new TranscriptionJob
        {
            AgentId = agent.AgentId, Provider = "pocketsphinx", Source = TranscriptionJobSource.RecordedFile, Status = TranscriptionJobStatus.Running,
            AudioSeconds = 5, ProcessedSeconds = 2, LeaseToken = Guid.NewGuid(), LeaseExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1), AbandonedRuns = abandonedRuns,
            File = new RecordedFile { FileName = "orphan.wav", FileBytes = file.Length, Channels = 1, Vocabulary = ["umbrella policy"] },
        };
        await host.Services.AddRowsAsync<TranscriptionDbContext>([job, new RecordingAudioChunk { JobId = job.Id, Sequence = 0, Data = file }], TestContext.Current.CancellationToken);
        host.Services.GetRequiredService<RecordingSignal>().Notify();
        return job.Id;
    }

    [Fact]
    public async Task Completed_Recording_IsMeteredAndItsAudioIsGone()
    {
        var agent = await host.SignInAsync("Meg Metered", cancellationToken: TestContext.Current.CancellationToken);
        var speech = Padded(await SpokenAudio.SayAsync("thank you for your time"));

        var id = await host.UploadAcceptedAsync(agent, await RecordedAudio.MonoAsync(speech, "wav"));
        await host.WaitUntilDoneAsync(agent, id);

        var usage = await host.GetUsageAsync(agent, new GetUsageRequest());
        Assert.Equal(speech.Length / (double)SpokenAudio.SampleRate, Assert.Single(usage.Providers).AudioSeconds, 2);
        Assert.Equal(0, await AudioChunksAsync(Guid.Parse(id)));
    }

    [Fact]
    public async Task DeleteRecording_Completed_RemovesItAndItsTranscriptButKeepsTheUsage()
    {
        var agent = await host.SignInAsync("Dora Delete", cancellationToken: TestContext.Current.CancellationToken);
        var id = await host.UploadAcceptedAsync(agent, await RecordedAudio.MonoAsync(Padded(await SpokenAudio.SayAsync("thank you for your time")), "wav"));
        await host.WaitUntilDoneAsync(agent, id);

        await host.Recordings().DeleteRecordingAsync(new DeleteRecordingRequest { RecordingId = id }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.GetAsync(agent, id));
        var list = await host.Recordings().ListRecordingsAsync(new ListRecordingsRequest(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(list.Recordings);
        Assert.Equal(0, await SegmentsAsync(Guid.Parse(id)));
        Assert.True((await host.GetUsageAsync(agent, new GetUsageRequest())).AudioSeconds > 0);
    }

    private Task<int> AudioChunksAsync(Guid jobId) =>
        host.Services.QueryAsync<TranscriptionDbContext, int>(db => db.RecordingAudioChunks.CountAsync(c => c.JobId == jobId));

    private Task<int> SegmentsAsync(Guid jobId) =>
        host.Services.QueryAsync<TranscriptionDbContext, int>(db => db.RecordingSegments.CountAsync(s => s.JobId == jobId));

    private static short[] Padded(short[] speech) => [.. SpokenAudio.Silence(0.5), .. speech, .. SpokenAudio.Silence(1)];
}
