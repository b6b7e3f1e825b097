using AgentCalls.ServiceDefaults;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>Wakes the recording worker when a file is uploaded, instead of waiting for its next poll.</summary>
public sealed class RecordingSignal : WakeUpSignal;
