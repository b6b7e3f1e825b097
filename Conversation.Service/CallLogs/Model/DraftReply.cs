using System.ComponentModel;

namespace AgentCalls.Conversation.Service.CallLogs.Model;

/// <summary>The summarisation model's draft of a call's log: the JSON schema it is asked to answer in.</summary>
public sealed record DraftReply(
    [property: Description("Three to six sentences: why the client was called, what was discussed and agreed.")] string Summary,
    [property: Description("Exactly one of: reached, voicemail, no answer, callback requested, sold, renewed, quoted, lost, do not call")] string Outcome,
    [property: Description("What the agent still has to do after the call; empty when nothing")] IReadOnlyList<FollowUpReply> FollowUps);

/// <summary>One follow-up: what, and when if a time was agreed.</summary>
public sealed record FollowUpReply(
    [property: Description("What to do, as a short imperative sentence")] string What,
    [property: Description("When, as ISO 8601 with its UTC offset (2026-03-10T10:00:00-05:00), or null when no time was agreed")] string? When);
