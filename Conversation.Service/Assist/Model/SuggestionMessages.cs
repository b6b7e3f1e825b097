using AgentCalls.Conversation.Service.Calls;

namespace AgentCalls.Conversation.Service.Assist.Model;

/// <summary>A piece of a model's suggestion as it is written (PROTOCOL.md, <c>suggestion_delta</c>): append to the earlier pieces of the same id.</summary>
public sealed record SuggestionDeltaMessage(string SuggestionId, string Text, string Utterance) : LiveMessage("suggestion_delta")
{
    public string Source => SuggestionView.ModelSource;
}

/// <summary>
/// A model's suggestion stopped before it was finished (PROTOCOL.md, <c>suggestion_cancelled</c>): <c>superseded</c> when
/// the client said something newer, <c>ended</c> when the call ended. Its request to the model was aborted.
/// </summary>
public sealed record SuggestionCancelledMessage(string SuggestionId, string Reason) : LiveMessage("suggestion_cancelled");
