using System.Net;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using AgentCalls.TestSupport.BadInput;
using CsCheck;

namespace AgentCalls.Transcription.Tests;

/// <summary>Generated recordings (issue #16, "bad input changes nothing"): refused naming the file and storing nothing, or transcribed to an end.</summary>
public sealed class RecordingGeneratedFilesTests(TranscriptionServiceHost host)
{
    [Fact]
    public async Task Upload_GeneratedWavFiles_AreRefusedNamingTheFileOrEndTheirJobAndNeverA5xx()
    {
        var agent = await host.SignInAsync("Wav Wobbly", cancellationToken: TestContext.Current.CancellationToken);

        await BadAudio.Files.CheckAsync("BadAudio.Files", 20, async file =>
        {
            var before = await AgentTables.ChecksumsAsync(host.ServiceDatabaseConnectionString, agent.AgentId, TestContext.Current.CancellationToken);
            var (status, body) = await host.UploadAsync(agent, file.Item2);

            Assert.True((int)status < 500, $"upload answered {(int)status}: {body}");
            if (status != HttpStatusCode.Created)
            {
                Assert.NotEmpty(body.GetProperty("errors").GetProperty("file").EnumerateArray());
                Assert.Equal(before, await AgentTables.ChecksumsAsync(host.ServiceDatabaseConnectionString, agent.AgentId, TestContext.Current.CancellationToken));
                return;
            }

            var recordingId = body.GetProperty("recordingId").GetString()!;
            await host.WaitUntilDoneAsync(agent, recordingId);
            var recording = await host.GetAsync(agent, recordingId);
            Assert.True(recording.Status == RecordingStatus.Completed || recording.Error.Length > 0, $"recording ended as {recording}");
        }, print: file => file.Item1.Length > 300 ? file.Item1[..300] + "…" : file.Item1);
    }
}
