using System.Globalization;
using System.Text;
using AgentCalls.Conversation.Service.Assist.Playbooks;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Calls;
using NodaTime;

namespace AgentCalls.Conversation.Service.Assist.Model;

/// <summary>
/// What every model role is told about a call: the client's file (policies, renewals, do-not-call and recording consent,
/// the last call's outcome, summary and notes), the local time in the client's zone, the agent's notes and the recent
/// transcript. Plain text, so the redacting client sees all of it.
/// </summary>
public static class CallBrief
{
    /// <summary>How many of the latest utterances the live roles see; the summary sees the whole call.</summary>
    public const int RecentUtterances = 12;

    public static string ClientFile(ClientContext client, LastCall? lastCall, DateTimeOffset now)
    {
        var zone = ClientZone.Of(client.TimeZone);
        var local = Instant.FromDateTimeOffset(now).InZone(zone);
        var file = new StringBuilder()
            .AppendLine($"Client: {client.Name}")
            .AppendLine($"Client's local time: {local.ToDateTimeOffset().ToString("dddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} ({zone.Id})")
            .AppendLine($"Do not call: {(client.DoNotCall ? "yes, the client asked not to be called" : "no")}")
            .AppendLine($"Consent to record calls: {(client.RecordingConsent ? "granted" : "not granted")}")
            .AppendLine("Policies:");
        foreach (var policy in client.Policies)
        {
            file.AppendLine($"- {GuidanceTemplate.Describe(policy)}, number {policy.PolicyNumber}, {(policy.InForce ? "in force" : "not in force")}");
        }

        if (client.Policies.Count == 0)
        {
            file.AppendLine("- none on file");
        }

        if (lastCall is null)
        {
            return file.AppendLine("Last call: none logged").ToString();
        }

        file.AppendLine($"Last call: {lastCall.StartedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, outcome {lastCall.Outcome ?? "not recorded"}");
        if (lastCall.Summary is { Length: > 0 } summary)
        {
            file.AppendLine($"Last call's summary: {summary}");
        }

        foreach (var note in lastCall.Notes)
        {
            file.AppendLine($"Last call's note: {note}");
        }

        return file.ToString();
    }

    /// <summary>"Agent: …" and "Client: …" lines, the latest <paramref name="take"/> of them.</summary>
    public static string Transcript(IReadOnlyList<TranscriptEntry> transcript, int take = int.MaxValue) =>
        transcript.Count == 0
            ? "(nothing said yet)"
            : string.Join("\n", transcript.Skip(Math.Max(0, transcript.Count - take)).Select(e => $"{CallDrafter.Speaker(e.Speaker)}: {e.Text.Trim()}"));

    /// <summary>The client's file, the agent's notes and the transcript (the latest <paramref name="take"/> utterances) in one message.</summary>
    public static string Of(CallSession call, LastCall? lastCall, DateTimeOffset now, int take = RecentUtterances)
    {
        var brief = new StringBuilder(ClientFile(call.Client, lastCall, now));
        foreach (var note in call.Notes())
        {
            brief.AppendLine($"Agent's note on this call: {note}");
        }

        return brief.AppendLine().AppendLine("Transcript of this call so far:").AppendLine(Transcript(call.Transcript(), take)).ToString();
    }
}
