using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>
/// Fails a streamed response that ends without a finish reason. A provider that drops the connection midway
/// can end the event stream cleanly enough that the client sees an ordinary end, and a cut answer would pass
/// for a whole one.
/// </summary>
internal sealed class CutStreamDetectingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var finished = false;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            finished |= update.FinishReason is not null;
            yield return update;
        }

        if (!finished)
        {
            throw new IOException("The model's response stream ended before the model finished.");
        }
    }
}
