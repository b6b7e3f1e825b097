using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Calls;

namespace AgentCalls.Conversation.Service.Assist.Intents;

/// <summary>An action the conversation can propose: what it runs, whose words count, and phrases that mean it.</summary>
public sealed record SpeechIntent(string Kind, IReadOnlyList<string> Speakers, IReadOnlyList<string> Examples)
{
    /// <summary>
    /// Calibrated with <see cref="AssistOptions.IntentThreshold"/>. Only actions whose meaning survives hesitation are here:
    /// "I'll think about renewing" lands as near "let's renew" as a real yes does, so an outcome is not proposed from speech.
    /// </summary>
    public static readonly IReadOnlyList<SpeechIntent> All =
    [
        new(ActionKinds.ScheduleFollowUp, [Calls.Speakers.Agent.Name, Calls.Speakers.Client.Name],
        [
            "let's talk again next week",
            "call me back on Friday",
            "can we schedule another call",
            "I'll call you on Tuesday at ten",
            "let's set up a follow-up call",
            "talk to you again on Monday",
            "give me a call tomorrow afternoon",
            "let's speak again next Tuesday",
        ]),
        new(ActionKinds.MarkDoNotCall, [Calls.Speakers.Client.Name],
        [
            "please don't call me again",
            "take me off your calling list",
            "stop calling me",
            "remove my number from your list",
            "I don't want any more calls from you",
            "never contact me again",
        ]),
    ];
}
