namespace AgentCalls.Calendar.Service.Google;

/// <summary>Identity has no Google access for the agent: never connected (or disconnected), or Google revoked the grant.</summary>
public sealed class GoogleAccessUnavailableException(string reason, string message) : Exception(message)
{
    public const string NotConnected = "GOOGLE_NOT_CONNECTED";
    public const string ReconnectRequired = "GOOGLE_RECONNECT_REQUIRED";

    /// <summary>Identity's ErrorInfo reason.</summary>
    public string Reason { get; } = reason;

    public bool MustReconnect => Reason != NotConnected;
}
