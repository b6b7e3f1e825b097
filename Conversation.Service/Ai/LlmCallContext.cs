using Microsoft.Extensions.AI;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>Names the agent an LLM call is made for, so the per-agent limit applies; every call through a role's client must.</summary>
public static class LlmCallContext
{
    internal const string AgentKey = "agentcalls.agent_id";

    public static ChatOptions ForAgent(this ChatOptions options, Guid agentId)
    {
        (options.AdditionalProperties ??= [])[AgentKey] = agentId;
        return options;
    }
}
