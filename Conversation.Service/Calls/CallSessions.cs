using System.Collections.Concurrent;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// The calls this process holds, live or waiting to be saved. Every lookup is by the agent and the call's id, so
/// another agent's call is not found.
/// </summary>
public sealed class CallSessions
{
    private readonly ConcurrentDictionary<Guid, CallSession> calls = new();

    public void Add(CallSession call) => calls[call.Id] = call;

    public CallSession? Find(Guid agentId, Guid callId) =>
        calls.TryGetValue(callId, out var call) && call.AgentId == agentId ? call : null;

    public CallSession? Find(Guid agentId, string callId) =>
        Guid.TryParse(callId, out var id) ? Find(agentId, id) : null;

    public void Remove(CallSession call) => calls.TryRemove(new KeyValuePair<Guid, CallSession>(call.Id, call));

    /// <summary>An agent's calls (to forget them when the agent is deleted).</summary>
    public IReadOnlyList<CallSession> OfAgent(Guid agentId) => [.. calls.Values.Where(c => c.AgentId == agentId)];
}
