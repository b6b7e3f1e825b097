using AgentCalls.ServiceDefaults;

namespace AgentCalls.Eventing;

/// <summary>Wakes the relay when an outbox row may have been committed, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : WakeUpSignal;
