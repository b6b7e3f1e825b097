using AgentCalls.Contracts.Transcription.V1;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>The channels the agent muted; their audio goes nowhere.</summary>
public sealed class MutedChannels
{
    private int muted;

    public bool IsMuted(Channel channel) => (Volatile.Read(ref muted) & (1 << (int)channel)) != 0;

    public void Set(Channel channel, bool mute)
    {
        var bit = 1 << (int)channel;
        int current, next;
        do
        {
            current = Volatile.Read(ref muted);
            next = mute ? current | bit : current & ~bit;
        }
        while (Interlocked.CompareExchange(ref muted, next, current) != current);
    }
}
