using System.Collections.Concurrent;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// The calls a browser follows on this process (an open socket, and the transcription stream with it). Every other
/// call lives only in conversationdb and is read from there when asked for (<see cref="CallStore"/>).
/// </summary>
public sealed class CallSessions
{
    private readonly ConcurrentDictionary<Guid, CallSession> calls = new();

    /// <summary>Holds <paramref name="call"/>, or returns the one already held for its id (two sockets raced).</summary>
    public CallSession Hold(CallSession call) => calls.GetOrAdd(call.Id, call);

    public CallSession? Find(Guid callId) => calls.GetValueOrDefault(callId);

    /// <summary>Lets the call go once nobody follows it here; false when a connection came back first.</summary>
    public bool Release(CallSession call)
    {
        if (call.IsAttended || !calls.TryRemove(new KeyValuePair<Guid, CallSession>(call.Id, call)))
        {
            return false;
        }

        // A socket that attached between the check and the removal keeps the call here.
        return !call.IsAttended || !calls.TryAdd(call.Id, call);
    }

    public void Remove(CallSession call) => calls.TryRemove(new KeyValuePair<Guid, CallSession>(call.Id, call));

    /// <summary>The ids of the calls held here, whose rows this process keeps marked as followed.</summary>
    public IReadOnlyList<Guid> Ids() => [.. calls.Keys];

    /// <summary>An agent's calls (to forget them when the agent is deleted).</summary>
    public IReadOnlyList<CallSession> OfAgent(Guid agentId) => [.. calls.Values.Where(c => c.AgentId == agentId)];
}
