using System.Net;
using System.Text;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Agents;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Recordings;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentCalls.Transcription.Tests;

/// <summary>What an upload refuses, and who may see a recording. None of these runs a transcription job.</summary>
public sealed class RecordingUploadTests(TranscriptionServiceHost host)
{
    [Fact]
    public async Task Upload_TextFile_Is400NamingFileAndStoresNothing()
    {
        var agent = await host.SignInAsync("Nora Notaudio", cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await host.UploadAsync(agent, Encoding.UTF8.GetBytes("Name,Phone\nAda,555-0100\n"), "fileName=book.csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not audio", Errors(body, "file"));
        Assert.Equal(0, await JobsAsync(agent));
    }

    [Fact]
    public async Task Upload_EmptyBody_Is400NamingFileAndStoresNothing()
    {
        var agent = await host.SignInAsync("Emma Empty", cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await host.UploadAsync(agent, []);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("empty", Errors(body, "file"));
        Assert.Equal(0, await JobsAsync(agent));
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Is413NamingFileAndStoresNothing()
    {
        var agent = await host.SignInAsync("Otto Oversize", cancellationToken: TestContext.Current.CancellationToken);
        var file = await RecordedAudio.MonoAsync(SpokenAudio.Silence(1), "wav");

        var (status, body) = await host.UploadAsync(agent, [.. file, .. new byte[TranscriptionServiceHost.MaxRecordingBytes]]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than", Errors(body, "file"));
        Assert.Equal(0, await JobsAsync(agent));
    }

    [Fact]
    public async Task Upload_WavHeaderWithoutSamples_Is400NamingFile()
    {
        var agent = await host.SignInAsync("Zed Zero", cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await host.UploadAsync(agent, await RecordedAudio.MonoAsync([], "wav"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(Errors(body, "file"));
        Assert.Equal(0, await JobsAsync(agent));
    }

    [Fact]
    public async Task Upload_BadSpeakerAndUnknownEngine_Are400NamingEachField()
    {
        var agent = await host.SignInAsync("Sam Speaker", cancellationToken: TestContext.Current.CancellationToken);
        var file = await RecordedAudio.MonoAsync(SpokenAudio.Silence(1), "wav");

        var (speakerStatus, speakerBody) = await host.UploadAsync(agent, file, "speaker=narrator");
        var (engineStatus, engineBody) = await host.UploadAsync(agent, file, "engine=nonesuch");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (speakerStatus, engineStatus));
        Assert.NotEmpty(Errors(speakerBody, "speaker"));
        Assert.Contains("pocketsphinx", Errors(engineBody, "engine"));
        Assert.Equal(0, await JobsAsync(agent));
    }

    [Fact]
    public async Task Upload_MonthlyAllowanceUsedUp_Is429WithTheMessageAndStoresNothing()
    {
        var agent = await host.SignInAsync("Lou Limited", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddJobAsync(agent.AgentId, "pocketsphinx", (36_000 - 0.5, DateTimeOffset.UtcNow));
        var file = await RecordedAudio.MonoAsync(SpokenAudio.Silence(1), "wav");

        var (status, body) = await host.UploadAsync(agent, file);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("allowance", body.GetProperty("detail").GetString());
        Assert.Equal(1, await JobsAsync(agent));
    }

    [Fact]
    public async Task Upload_WithoutAToken_Is401()
    {
        using var response = await host.Rest.PostAsync("/api/transcription/recordings", new ByteArrayContent([1, 2]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Recording_OfAnotherAgent_IsNotFoundForEveryMethod()
    {
        var owner = await host.SignInAsync("Olga Owner", cancellationToken: TestContext.Current.CancellationToken);
        var other = await host.SignInAsync("Ivan Intruder", cancellationToken: TestContext.Current.CancellationToken);
        var id = (await AddQueuedAsync(owner)).ToString();
        var recordings = host.Recordings();
        var token = TestContext.Current.CancellationToken;

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => recordings.GetRecordingAsync(new GetRecordingRequest { RecordingId = id }, other.Bearer, cancellationToken: token).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => recordings.GetTranscriptAsync(new GetTranscriptRequest { RecordingId = id }, other.Bearer, cancellationToken: token).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => recordings.DeleteRecordingAsync(new DeleteRecordingRequest { RecordingId = id }, other.Bearer, cancellationToken: token).ResponseAsync);
        Assert.Empty((await recordings.ListRecordingsAsync(new ListRecordingsRequest(), other.Bearer, cancellationToken: token)).Recordings);
        Assert.Equal(id, (await host.GetAsync(owner, id)).RecordingId);
    }

    [Fact]
    public async Task GetRecording_IdThatIsNoId_IsInvalidArgumentOnRecordingId()
    {
        var agent = await host.SignInAsync("Gil Garbled", cancellationToken: TestContext.Current.CancellationToken);

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.GetAsync(agent, "not-an-id"));

        Assert.Equal(["recordingId"], fields);
    }

    [Fact]
    public async Task ListRecordings_ThroughRest_PagesNewestFirstWithoutLiveStreams()
    {
        var agent = await host.SignInAsync("Pia Pages", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddJobAsync(agent.AgentId, "pocketsphinx", (5, DateTimeOffset.UtcNow));
        var older = await AddQueuedAsync(agent, DateTimeOffset.UtcNow.AddMinutes(-2));
        var newer = await AddQueuedAsync(agent, DateTimeOffset.UtcNow.AddMinutes(-1));

        var first = await host.Rest.GetJsonAsync("/api/transcription/recordings?pageSize=1", agent, TestContext.Current.CancellationToken);
        var token = Uri.EscapeDataString(first.Body.GetProperty("nextPageToken").GetString()!);
        var second = await host.Rest.GetJsonAsync($"/api/transcription/recordings?pageSize=1&pageToken={token}", agent, TestContext.Current.CancellationToken);

        Assert.Equal(newer.ToString(), first.Body.GetProperty("recordings")[0].GetProperty("recordingId").GetString());
        Assert.Equal(older.ToString(), second.Body.GetProperty("recordings")[0].GetProperty("recordingId").GetString());
        Assert.False(second.Body.TryGetProperty("nextPageToken", out var next) && next.GetString()!.Length > 0);
    }

    [Fact]
    public async Task AgentDeleted_ErasesTheAgentsRecordingsTheirAudioAndTranscripts()
    {
        var agent = await host.SignInAsync("Ada Erased", cancellationToken: TestContext.Current.CancellationToken);
        var id = await AddQueuedAsync(agent);

        await host.Services.AddRowsAsync<TranscriptionDbContext>(
            [new RecordingSegment { JobId = id, Speaker = RecordingSpeaker.Agent, Text = "hello", StartSeconds = 0, EndSeconds = 1 }], TestContext.Current.CancellationToken);

        await host.Services.QueryAsync<TranscriptionDbContext, bool>(async db =>
        {
            await new AgentDeletedHandler(db).HandleAsync(new AgentDeleted { AgentId = agent.AgentId.ToString() }, new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
            return true;
        });

        Assert.Equal(0, await JobsAsync(agent));
        Assert.Equal(0, await host.Services.QueryAsync<TranscriptionDbContext, int>(db => db.RecordingSegments.CountAsync(s => s.JobId == id)));
        Assert.Equal(0, await host.Services.QueryAsync<TranscriptionDbContext, int>(db => db.RecordingAudioChunks.CountAsync(c => c.JobId == id)));
    }

    /// <summary>A recording of the agent stored directly, on an engine this deployment lacks: the worker fails it at once and never writes a segment.</summary>
    private async Task<Guid> AddQueuedAsync(SignedInAgent agent, DateTimeOffset? createdAt = null)
    {
        var job = new TranscriptionJob
        {
            AgentId = agent.AgentId, Provider = "nonesuch", Source = TranscriptionJobSource.RecordedFile, AudioSeconds = 1, CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
            File = new RecordedFile { FileName = "queued.wav", FileBytes = 3, Channels = 1 },
        };
        await host.Services.AddRowsAsync<TranscriptionDbContext>([job, new RecordingAudioChunk { JobId = job.Id, Sequence = 0, Data = [1, 2, 3] }], TestContext.Current.CancellationToken);
        return job.Id;
    }

    private Task<int> JobsAsync(SignedInAgent agent) =>
        host.Services.QueryAsync<TranscriptionDbContext, int>(db => db.Jobs.CountAsync(j => j.AgentId == agent.AgentId));

    private static string Errors(System.Text.Json.JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}
