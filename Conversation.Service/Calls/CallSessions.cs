using System.Collections.Concurrent;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// The calls a browser followed on this process (the socket, the transcription stream and the assistant's memory of
/// the call), kept until the call is logged so a reconnect here continues them. Every other call lives only in
/// conversationdb and is read from there when asked for (<see cref="CallReader"/>).
/// </summary>
public sealed class CallSessions
{
    private readonly ConcurrentDictionary<Guid, CallSession> calls = new();

    /// <summary>Holds <paramref name="call"/>, or returns the one already held for its id (two sockets raced).</summary>
    public CallSession Hold(CallSession call) => calls.GetOrAdd(call.Id, call);

    public CallSession? Find(Guid callId) => calls.GetValueOrDefault(callId);

    public void Remove(CallSession call) => calls.TryRemove(new KeyValuePair<Guid, CallSession>(call.Id, call));

    /// <summary>The ids of the calls a socket follows here, whose rows this process keeps marked as followed.</summary>
    public IReadOnlyList<Guid> AttendedIds() => [.. calls.Values.Where(c => c.IsAttended).Select(c => c.Id)];

    /// <summary>The calls held here that no socket follows now (they wait here for a reconnect, or for their end).</summary>
    public IReadOnlyList<CallSession> Unattended() => [.. calls.Values.Where(c => !c.IsAttended)];

    /// <summary>An agent's calls (to forget them when the agent is deleted).</summary>
    public IReadOnlyList<CallSession> OfAgent(Guid agentId) => [.. calls.Values.Where(c => c.AgentId == agentId)];
}
