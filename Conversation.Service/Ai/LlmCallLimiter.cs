using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>Counts each agent's LLM calls in a one-minute window shared by all roles.</summary>
public sealed class LlmCallLimiter(IOptions<LlmOptions> options, TimeProvider time) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> limiter = PartitionedRateLimiter.Create<Guid, Guid>(agentId =>
        RateLimitPartition.GetFixedWindowLimiter(agentId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.CallsPerAgentPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes one call from the agent's allowance, or throws <see cref="LlmCallLimitExceededException"/>.</summary>
    public void Acquire(Guid agentId)
    {
        using var lease = limiter.AttemptAcquire(agentId);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            throw new LlmCallLimitExceededException(agentId, time.GetUtcNow() + retryAfter);
        }
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>The agent has used up their LLM calls for now; callers answer ResourceExhausted or fall back to offline assist.</summary>
public sealed class LlmCallLimitExceededException(Guid agentId, DateTimeOffset retryAt)
    : Exception($"Agent {agentId} has reached the limit on LLM calls until {retryAt:O}.")
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}
