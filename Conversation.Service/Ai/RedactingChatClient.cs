using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>
/// Redacts sensitive numbers from every text a role sends (instructions, transcript, passages, and the results of the
/// tools the model called) before it leaves. Sits inside the function-invoking client, so every round of a tool loop
/// passes it.
/// </summary>
internal sealed class RedactingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Redact(messages), options, cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Redact(messages), options, cancellationToken);

    // Copies, so the caller's history keeps what was really said.
    private static List<ChatMessage> Redact(IEnumerable<ChatMessage> messages) =>
        [.. messages.Select(message =>
        {
            var copy = message.Clone();
            copy.Contents = [.. message.Contents.Select(Redact)];
            return copy;
        })];

    private static AIContent Redact(AIContent content) => content switch
    {
        TextContent text => new TextContent(SensitiveDataRedactor.Redact(text.Text)),
        FunctionResultContent result => new FunctionResultContent(result.CallId, SensitiveDataRedactor.Redact(
            result.Result as string ?? JsonSerializer.Serialize(result.Result, AIJsonUtilities.DefaultOptions))),
        _ => content,
    };
}
