namespace AgentCalls.ServiceDefaults.Authentication;

/// <summary>
/// The services that are clients of Identity in their own name (client credentials), and the one scope each holds: what a
/// service token may do is named here, once, for Identity that grants it and the service that checks it.
/// </summary>
public static class ServiceClients
{
    /// <summary>Calendar.Service: syncs agents' Google calendars with no agent present.</summary>
    public const string CalendarClientId = "agentcalls-calendar";

    /// <summary>Google access tokens of any agent (Identity's GoogleTokens), held by <see cref="CalendarClientId"/>.</summary>
    public const string GoogleTokensScope = "google.tokens";

    /// <summary>Conversation.Service: relays a live call's audio to Transcription for the call's agent.</summary>
    public const string ConversationClientId = "agentcalls-conversation";

    /// <summary>Opening Transcription's live stream for a named agent, held by <see cref="ConversationClientId"/>.</summary>
    public const string TranscriptionStreamScope = "transcription.stream";
}
