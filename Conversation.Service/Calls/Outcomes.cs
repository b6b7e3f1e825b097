using AgentCalls.Contracts.Conversation.V1;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>Outcomes by the names the browser and the call logs use ("callback requested").</summary>
public static class Outcomes
{
    private static readonly Dictionary<CallOutcome, string> Names = new()
    {
        [CallOutcome.Reached] = "reached",
        [CallOutcome.Voicemail] = "voicemail",
        [CallOutcome.NoAnswer] = "no answer",
        [CallOutcome.CallbackRequested] = "callback requested",
        [CallOutcome.Sold] = "sold",
        [CallOutcome.Renewed] = "renewed",
        [CallOutcome.Quoted] = "quoted",
        [CallOutcome.Lost] = "lost",
        [CallOutcome.DoNotCall] = "do not call",
    };

    public static string Name(CallOutcome outcome) => Names.GetValueOrDefault(outcome, "");

    public static CallOutcome Parse(string? name) =>
        Names.FirstOrDefault(n => n.Value == name).Key;
}
