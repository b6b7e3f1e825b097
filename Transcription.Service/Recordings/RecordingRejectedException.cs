namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>An upload refused before anything was stored: which field is at fault, why, and the HTTP status that says so.</summary>
public sealed class RecordingRejectedException(string field, string message, int statusCode = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string Field { get; } = field;

    public int StatusCode { get; } = statusCode;
}
