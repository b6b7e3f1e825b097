using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.Transcription.Service.Jobs;
using Google.Protobuf.WellKnownTypes;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>Recordings and their segments as the contract spells them.</summary>
public static class RecordingMessages
{
    public static Recording ToMessage(this TranscriptionJob job) => new()
    {
        RecordingId = job.Id.ToString(),
        FileName = job.File?.FileName ?? "",
        FileBytes = job.File?.FileBytes ?? 0,
        Status = job.Status switch
        {
            TranscriptionJobStatus.Queued => RecordingStatus.Queued,
            TranscriptionJobStatus.Running => RecordingStatus.Running,
            TranscriptionJobStatus.Completed => RecordingStatus.Completed,
            _ => RecordingStatus.Failed,
        },
        ProgressPercent = job.Status == TranscriptionJobStatus.Completed ? 100
            : job.AudioSeconds > 0 ? Math.Min(100, Math.Round(100 * job.ProcessedSeconds / job.AudioSeconds, 1)) : 0,
        Error = job.Error ?? "",
        Duration = Duration.FromTimeSpan(TimeSpan.FromSeconds(job.AudioSeconds)),
        Channels = job.File?.Channels ?? 0,
        MonoSpeaker = job.File?.MonoSpeaker.ToChannel() ?? ProtoChannel.Unspecified,
        Engine = job.Provider,
        CreateTime = Timestamp.FromDateTimeOffset(job.CreatedAt),
        CompleteTime = job.CompletedAt is { } completed ? Timestamp.FromDateTimeOffset(completed) : null,
    };

    public static TranscriptSegment ToMessage(this RecordingSegment segment) => new()
    {
        Channel = segment.Speaker.ToChannel(),
        UtteranceId = segment.Id.ToString("N"),
        Start = Duration.FromTimeSpan(TimeSpan.FromSeconds(segment.StartSeconds)),
        End = Duration.FromTimeSpan(TimeSpan.FromSeconds(segment.EndSeconds)),
        Text = segment.Text,
        Confidence = segment.Confidence,
    };

    public static ProtoChannel ToChannel(this RecordingSpeaker speaker) => speaker == RecordingSpeaker.Client ? ProtoChannel.Client : ProtoChannel.Agent;
}
