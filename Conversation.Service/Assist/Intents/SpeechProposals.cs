using System.Text.Json.Nodes;
using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Calls;
using Microsoft.Extensions.Options;
using NodaTime;

namespace AgentCalls.Conversation.Service.Assist.Intents;

/// <summary>
/// The action an utterance asks for, with its arguments: a follow-up at the day and time named, in the client's time
/// zone; do-not-call with the client's words as the reason. Only proposed: the agent edits and confirms.
/// </summary>
public sealed class SpeechProposals(MeaningMatch meaning, IOptions<AssistOptions> options, TimeProvider time)
{
    private static readonly IReadOnlyList<(SpeechIntent Label, string Phrase)> Phrases =
        [.. SpeechIntent.All.SelectMany(intent => intent.Examples.Select(example => (intent, example)))];

    /// <summary>The kind and arguments to propose, or null when the utterance asks for no action.</summary>
    public (string Kind, JsonObject Arguments)? For(ClientContext client, TranscriptEntry entry, float[] vector, CancellationToken cancellationToken)
    {
        var match = meaning.Best(vector, Phrases, options.Value.IntentThreshold, cancellationToken);
        if (match is null || !match.Label.Speakers.Contains(entry.Speaker))
        {
            return null;
        }

        var quoted = $"“{entry.Text}” ({entry.Speaker})";
        switch (match.Label.Kind)
        {
            case ActionKinds.ScheduleFollowUp:
                var zone = ClientZone.Of(client.TimeZone);
                if (TimePhrase.Resolve(entry.Text, Instant.FromDateTimeOffset(time.GetUtcNow()), zone) is not { } at)
                {
                    return null;
                }

                return (match.Label.Kind, new JsonObject
                {
                    ["startTime"] = at.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                    ["timeZone"] = zone.Id,
                    ["notes"] = $"Agreed on the call: {quoted}",
                });
            default:
                return (match.Label.Kind, new JsonObject { ["reason"] = $"Asked on the call: {quoted}" });
        }
    }
}
