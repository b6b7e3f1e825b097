using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// A JSON message the server pushes on a call's WebSocket (PROTOCOL.md). Every message carries the protocol's
/// version and its type; the browser ignores types it does not know.
/// </summary>
public abstract record LiveMessage(string Type)
{
    public const int Version = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonPropertyOrder(-2)]
    public int V => Version;

    [JsonPropertyOrder(-1)]
    public string Type { get; } = Type;

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, GetType(), Json);
}

/// <summary>Everything the call holds, sent first on every connection (and so after a reconnect).</summary>
public sealed record StateMessage(CallView Call) : LiveMessage("state");

/// <summary>An utterance still being spoken ("partial") or finished ("final").</summary>
public sealed record SegmentMessage(string Kind, SegmentView Segment) : LiveMessage(Kind);

/// <summary>A note the agent added.</summary>
public sealed record NoteMessage(string Text) : LiveMessage("note");

/// <summary>The call ended: its draft log, for the agent to edit and save.</summary>
public sealed record EndedMessage(DraftView Draft) : LiveMessage("ended");

/// <summary>Something went wrong; the call goes on unless the socket closes.</summary>
public sealed record ErrorMessage(string Code, string Message) : LiveMessage("error");

/// <summary>The call as the browser shows it.</summary>
public sealed record CallView(
    string CallId, string ClientId, string ClientName, string State, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    IReadOnlyList<SegmentView> Transcript, IReadOnlyList<string> Notes, IReadOnlyList<string> Muted, bool DoNotCall, bool RecordingConsent,
    DraftView? Draft, IReadOnlyList<ProposalView> Proposals, IReadOnlyList<Assist.SuggestionView> Suggestions, IReadOnlyList<Assist.AnswerView> Answers)
{
    public static CallView Of(CallSession call) => new(
        call.Id.ToString(), call.Client.Id.ToString(), call.Client.Name, call.State == Contracts.Conversation.V1.CallState.Live ? "live" : "ended",
        call.StartedAt, call.EndedAt, [.. call.Transcript().Select(SegmentView.Of)], call.Notes(),
        [.. Speakers.All.Where(s => call.Muted.IsMuted(s.Channel)).Select(s => s.Name)], call.Client.DoNotCall, call.Client.RecordingConsent,
        call.Draft is { } draft ? DraftView.Of(draft) : null, [.. call.Actions.Proposals().Select(ProposalView.Of)],
        Assist.CallAssistMemory.Of(call).Suggestions(), Assist.CallAssistMemory.Of(call).Answers());
}

/// <summary>One utterance; times in seconds from the start of that speaker's audio.</summary>
public sealed record SegmentView(string? UtteranceId, string Speaker, double Start, double End, string Text)
{
    public static SegmentView Of(TranscriptEntry entry) => new(null, entry.Speaker, entry.Start.TotalSeconds, entry.End.TotalSeconds, entry.Text);
}

/// <summary>A call's draft log; <c>source</c> says who wrote it ("model" or "offline").</summary>
public sealed record DraftView(string Summary, string Outcome, IReadOnlyList<string> FollowUps, string? Source)
{
    public static DraftView Of(Contracts.Conversation.V1.CallDraft draft) =>
        new(draft.Summary, Outcomes.Name(draft.Outcome), [.. draft.FollowUps], draft.Source.Length > 0 ? draft.Source : null);
}

/// <summary>A channel was muted or unmuted.</summary>
public sealed record MutedMessage(string Channel, bool Muted) : LiveMessage("muted");

/// <summary>A proposed action, new or changed (confirmed, run, rejected, expired).</summary>
public sealed record ProposalMessage(ProposalView Proposal) : LiveMessage("proposal");

/// <summary>An action as the browser shows it.</summary>
public sealed record ProposalView(string ProposalId, string Kind, System.Text.Json.Nodes.JsonObject Arguments, string Source, string State, string? Result)
{
    public static ProposalView Of(Actions.ActionProposal proposal) => new(
        proposal.Id.ToString(), proposal.Kind, proposal.Arguments, proposal.Source, proposal.State.ToString().ToLowerInvariant(), proposal.Result);
}
