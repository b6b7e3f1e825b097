namespace AgentCalls.Transcription.Service.Usage;

/// <summary>A live stream's metering rows: its job and the usage record that counts its seconds.</summary>
public sealed record MeteredStream(Guid JobId, Guid UsageId);
