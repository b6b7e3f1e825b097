using AgentCalls.Conversation.Service.Ai;

namespace AgentCalls.Conversation.Tests;

/// <summary>One embedding model for the whole test assembly.</summary>
public static class SharedEmbedder
{
    public static readonly ArcticTextEmbedder Instance = new();
}
