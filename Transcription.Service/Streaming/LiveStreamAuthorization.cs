using AgentCalls.ServiceDefaults.Authentication;

namespace AgentCalls.Transcription.Service.Streaming;

/// <summary>
/// Who may open a live stream: Conversation.Service alone, with its own token (client credentials as
/// <c>agentcalls-conversation</c>, scope <c>transcription.stream</c>), for the agent its settings name. An agent's token
/// is refused (PermissionDenied), so a stream cannot bypass the call it belongs to.
/// </summary>
public static class LiveStreamAuthorization
{
    public const string Policy = "transcription-stream";

    public static IServiceCollection AddLiveStreamAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddServicePolicy(Policy, ServiceClients.ConversationClientId, ServiceClients.TranscriptionStreamScope);
        return services;
    }
}
