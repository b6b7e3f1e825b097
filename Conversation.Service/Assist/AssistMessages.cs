using System.Text.Json.Nodes;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Calls;
using Google.Protobuf;

namespace AgentCalls.Conversation.Service.Assist;

/// <summary>A playbook card the client's words called for (PROTOCOL.md, <c>suggestion</c>).</summary>
public sealed record SuggestionMessage(SuggestionView Suggestion) : LiveMessage("suggestion");

/// <summary>A client's question answered from the agent's documents (PROTOCOL.md, <c>answer</c>).</summary>
public sealed record AnswerMessage(AnswerView Answer) : LiveMessage("answer");

/// <summary>
/// A suggestion as shown: a playbook card (<c>source</c> "playbook": its guidance with the client's facts filled in, and
/// what brought it up) or the live-conversation model's words (<c>source</c> "model": no card fields).
/// </summary>
public sealed record SuggestionView(
    string SuggestionId, string? CardId, string? CardKey, string Title, string Guidance, string Utterance, string? MatchedExample, double? Score,
    string Source = SuggestionView.PlaybookSource)
{
    public const string PlaybookSource = "playbook";
    public const string ModelSource = "model";

    public static SuggestionView FromModel(string suggestionId, string text, string utterance) =>
        new(suggestionId, null, null, "Suggested reply", text.Trim(), utterance, null, null, ModelSource);
}

/// <summary>
/// An answer as the browser shows it; <c>citations</c> are the <c>Citation</c> messages of AskDocuments in their REST
/// JSON form, so the documents page's citation component opens them.
/// </summary>
public sealed record AnswerView(string AnswerId, string Question, string Answer, string Source, JsonArray Citations)
{
    public static AnswerView Of(string question, AskDocumentsResponse response) => new(
        Guid.CreateVersion7().ToString(), question, response.Answer, response.Source,
        [.. response.Citations.Select(c => JsonNode.Parse(JsonFormatter.Default.Format(c)))]);
}
