namespace AgentCalls.Conversation.Service.Actions;

/// <summary>The actions that change data; each runs through the service that owns the data, as the agent.</summary>
public static class ActionKinds
{
    /// <summary>Calendar.ScheduleCall: <c>startTime</c> (ISO 8601 with offset), optional <c>durationMinutes</c> and <c>notes</c>.</summary>
    public const string ScheduleFollowUp = "schedule_follow_up";

    /// <summary>Clients.UpdateClient: any of <c>email</c>, <c>timeZone</c>.</summary>
    public const string UpdateClient = "update_client";

    /// <summary>Clients.UpdateClient, appending <c>text</c> to the client's notes.</summary>
    public const string AddNote = "add_note";

    /// <summary>Clients.UpdateClient: do-not-call set, with an optional <c>reason</c>.</summary>
    public const string MarkDoNotCall = "mark_do_not_call";

    /// <summary>The call's own outcome: <c>outcome</c> by name ("renewed"); it becomes the draft's outcome.</summary>
    public const string SetOutcome = "set_outcome";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { ScheduleFollowUp, UpdateClient, AddNote, MarkDoNotCall, SetOutcome };
}
