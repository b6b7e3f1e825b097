namespace AgentCalls.Conversation.Service.Actions;

/// <summary>
/// One step in the life of a proposed action: "proposed", "confirmed", "rejected", "succeeded", "failed" or
/// "expired" (the conversation moved past it), with its arguments and, once run, the result.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Step, string ProposalId, string Kind, string Arguments, string? Result = null);
