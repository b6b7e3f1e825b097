using System.Text.RegularExpressions;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Calls;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>
/// The offline draft of a call's log: an extractive summary (the utterances that carry the most content words), the
/// outcome proposed from what was said, and follow-ups from the call's actions.
/// </summary>
public static partial class CallDrafter
{
    private const int SummaryUtterances = 4;

    public const string OfflineSource = "offline";

    private static readonly HashSet<string> StopWords =
    [
        "about", "after", "again", "also", "been", "before", "being", "could", "does", "doing", "from", "have", "here", "into",
        "just", "know", "like", "make", "more", "much", "okay", "only", "over", "really", "right", "should", "some", "sure",
        "than", "thank", "thanks", "that", "their", "them", "then", "there", "they", "think", "this", "very", "want", "well",
        "were", "what", "when", "which", "will", "with", "would", "yeah", "your", "you're",
    ];

    /// <summary>Phrases that make an outcome likely, strongest first; the first found wins.</summary>
    private static readonly (CallOutcome Outcome, Regex Said)[] OutcomeCues =
    [
        (CallOutcome.DoNotCall, DoNotCallCue()),
        (CallOutcome.CallbackRequested, CallbackCue()),
        (CallOutcome.Lost, LostCue()),
        (CallOutcome.Renewed, RenewedCue()),
        (CallOutcome.Quoted, QuotedCue()),
    ];

    public static CallDraft Draft(CallSession call)
    {
        var transcript = call.Transcript();
        var draft = new CallDraft
        {
            CallId = call.Id.ToString(),
            Summary = Summarize(transcript),
            Outcome = call.ChosenOutcome ?? ProposeOutcome(transcript),
            Source = OfflineSource,
        };
        draft.FollowUps.AddRange(call.Actions.FollowUps());
        return draft;
    }

    public static string Summarize(IReadOnlyList<TranscriptEntry> transcript) =>
        string.Join("\n", transcript
            .Select((entry, index) => (entry, index, score: ContentWords(entry.Text)))
            .Where(u => u.score > 0)
            .OrderByDescending(u => u.score).ThenBy(u => u.index)
            .Take(SummaryUtterances)
            .OrderBy(u => u.index)
            .Select(u => $"{Speaker(u.entry.Speaker)}: {u.entry.Text.Trim()}"));

    public static CallOutcome ProposeOutcome(IReadOnlyList<TranscriptEntry> transcript)
    {
        var client = transcript.Where(e => e.Speaker == Speakers.Client.Name).Select(e => e.Text).ToList();
        if (client.Count == 0)
        {
            // Nobody answered on the client's side: the agent talked to a voicemail or to no one.
            return transcript.Count > 0 ? CallOutcome.Voicemail : CallOutcome.NoAnswer;
        }

        var said = string.Join("\n", transcript.Select(e => e.Text));
        return OutcomeCues.FirstOrDefault(cue => cue.Said.IsMatch(said)).Outcome is var outcome && outcome != CallOutcome.Unspecified
            ? outcome
            : CallOutcome.Reached;
    }

    /// <summary>"Agent" or "Client", as the transcript text and the summary write a speaker.</summary>
    public static string Speaker(string speaker) => speaker == Speakers.Agent.Name ? "Agent" : "Client";

    private static int ContentWords(string text) =>
        Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 4 && !StopWords.Contains(w)).Distinct().Count();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(do not|don't|stop) (call|calling|contact)|take me off|remove me from", RegexOptions.IgnoreCase)]
    private static partial Regex DoNotCallCue();

    [GeneratedRegex(@"\bcall (me )?back\b|\bcallback\b|\b(talk|speak) (again|later)\b|\bnext (week|month|monday|tuesday|wednesday|thursday|friday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallbackCue();

    [GeneratedRegex(@"\b(cancel|cancelling|switch(ing)? to another|going with another)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LostCue();

    [GeneratedRegex(@"\b(renew|renewed|renewing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RenewedCue();

    [GeneratedRegex(@"\b(quote|quoted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedCue();
}
