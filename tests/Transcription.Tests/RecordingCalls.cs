using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using RecordingsClient = AgentCalls.Contracts.Transcription.V1.Recordings.RecordingsClient;

namespace AgentCalls.Transcription.Tests;

/// <summary>Uploads a recording as the web app does (the file as the body) and follows its job through the Recordings API.</summary>
public static class RecordingCalls
{
    public static RecordingsClient Recordings(this TranscriptionServiceHost host) => new(host.Channel);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(this TranscriptionServiceHost host, SignedInAgent agent, byte[] file, string query = "fileName=call.wav")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/transcription/recordings?{query}") { Content = new ByteArrayContent(file) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken);
        using var response = await host.Rest.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>Uploads and returns the new recording's id, failing the test when the upload is refused.</summary>
    public static async Task<string> UploadAcceptedAsync(this TranscriptionServiceHost host, SignedInAgent agent, byte[] file, string query = "fileName=call.wav")
    {
        var (status, body) = await host.UploadAsync(agent, file, query);
        Assert.True(status == HttpStatusCode.Created, $"Upload answered {status}: {body}");
        return body.GetProperty("recordingId").GetString()!;
    }

    public static async Task<Recording> GetAsync(this TranscriptionServiceHost host, SignedInAgent agent, string recordingId) =>
        (await host.Recordings().GetRecordingAsync(new GetRecordingRequest { RecordingId = recordingId }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken)).Recording;

    public static async Task<GetTranscriptResponse> TranscriptAsync(this TranscriptionServiceHost host, SignedInAgent agent, string recordingId) =>
        await host.Recordings().GetTranscriptAsync(new GetTranscriptRequest { RecordingId = recordingId }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Asks for the job until it has ended, returning every progress figure seen on the way and the transcript.</summary>
    public static async Task<(List<double> Progress, GetTranscriptResponse Transcript)> WaitUntilDoneAsync(this TranscriptionServiceHost host, SignedInAgent agent, string recordingId)
    {
        var progress = new List<double>();
        await Eventually.ReturnsAsync(async () =>
        {
            var recording = await host.GetAsync(agent, recordingId);
            progress.Add(recording.ProgressPercent);
            return recording.Status is RecordingStatus.Completed or RecordingStatus.Failed ? recording : null;
        }, TimeSpan.FromSeconds(90));
        return (progress, await host.TranscriptAsync(agent, recordingId));
    }

    public static string[] Words(this GetTranscriptResponse transcript, Channel channel) =>
        [.. transcript.Segments.Where(s => s.Channel == channel).SelectMany(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
}
