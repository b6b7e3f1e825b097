using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>Applies the per-agent limit, and keeps the agent's id from reaching the provider.</summary>
internal sealed class AgentLimitedChatClient(IChatClient inner, LlmCallLimiter limiter) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Admit(options), cancellationToken);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var admitted = Admit(options);
        await foreach (var update in base.GetStreamingResponseAsync(messages, admitted, cancellationToken))
        {
            yield return update;
        }
    }

    private ChatOptions Admit(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(LlmCallContext.AgentKey, out var value) is not true || value is not Guid agentId)
        {
            throw new InvalidOperationException("An LLM call must name its agent: pass ChatOptions.ForAgent(agentId).");
        }

        limiter.Acquire(agentId);
        var forwarded = options.Clone();
        forwarded.AdditionalProperties!.Remove(LlmCallContext.AgentKey);
        return forwarded;
    }
}
