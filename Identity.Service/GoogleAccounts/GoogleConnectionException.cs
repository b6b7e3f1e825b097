namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>
/// Why there is no Google access for an agent: they never connected, Google revoked the grant, or Google's token endpoint
/// is failing for now (the only reason that passes on its own).
/// </summary>
public sealed class GoogleConnectionException(string reason, string message) : Exception(message)
{
    public const string NotConnected = "GOOGLE_NOT_CONNECTED";
    public const string ReconnectRequired = "GOOGLE_RECONNECT_REQUIRED";
    public const string WrongAccount = "GOOGLE_ACCOUNT_MISMATCH";
    public const string NoOfflineAccess = "GOOGLE_NO_OFFLINE_ACCESS";
    public const string GoogleUnavailable = "GOOGLE_UNAVAILABLE";

    public string Reason { get; } = reason;
}
