using System.Runtime.CompilerServices;
using System.Text;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Calls;
using Microsoft.Extensions.AI;

namespace AgentCalls.Conversation.Service.Assist.Model;

/// <summary>
/// The live-conversation role on a call: on each finished client utterance, a short suggestion of what to say next,
/// streamed to the socket piece by piece. A newer client utterance cancels the suggestion still being written: its
/// request to the model is aborted (the token reaches the HTTP request), and the browser is told. A suggestion that
/// fails (the provider's 429 or 5xx after its retries, a cut stream, a timeout) is reported and handed to the caller's
/// fallback. Does nothing when the role is not configured (<see cref="IsConfigured"/>): the playbook cards stand in.
/// </summary>
public sealed partial class LiveSuggester(
    CallBriefs briefs, ILogger<LiveSuggester> logger, [FromKeyedServices(LlmRole.LiveConversation)] IChatClient? model = null)
{
    private const string Instructions = """
        You help an insurance agent during a live phone call with a client. From the client's file and the transcript,
        write what the agent could say next: one or two short sentences in the agent's voice, answering what the client
        just said. Use only facts from the client's file. Never push a sale to a client marked do not call; if consent to
        record is not granted, do not mention recording. Reply with the sentences only.
        """;

    private static readonly ConditionalWeakTable<CallSession, Writing> Current = [];

    public bool IsConfigured => model is not null;

    /// <summary>
    /// Cancels the suggestion still being written for the call, and starts one for <paramref name="entry"/> in the
    /// background; if it fails, <paramref name="fallback"/> runs after the <c>error</c> is pushed.
    /// </summary>
    public void Start(CallSession call, TranscriptEntry entry, Func<Task> fallback, CancellationToken callEnded)
    {
        if (model is null)
        {
            return;
        }

        var next = new Writing(Guid.CreateVersion7().ToString(), CancellationTokenSource.CreateLinkedTokenSource(callEnded));
        Writing? previous;
        lock (Current)
        {
            previous = Current.TryGetValue(call, out var running) ? running : null;
            Current.AddOrUpdate(call, next);
        }

        previous?.Supersede();
        _ = WriteAsync(model, call, entry, next, fallback);
    }

    private async Task WriteAsync(IChatClient chat, CallSession call, TranscriptEntry entry, Writing writing, Func<Task> fallback)
    {
        var text = new StringBuilder();
        try
        {
            var brief = await briefs.WriteAsync(call, CallBrief.RecentUtterances, writing.Token);
            ChatMessage[] messages =
            [
                new(ChatRole.System, Instructions),
                new(ChatRole.User, $"{brief}\nThe client just said: \"{entry.Text.Trim()}\"\nWhat should the agent say next?"),
            ];
            await foreach (var update in chat.GetStreamingResponseAsync(messages, new ChatOptions { Temperature = 0.3f, MaxOutputTokens = 120 }.ForAgent(call.AgentId), writing.Token))
            {
                if (update.Text.Length > 0)
                {
                    text.Append(update.Text);
                    await call.PushAsync(new SuggestionDeltaMessage(writing.Id, update.Text, entry.Text), writing.Token);
                }
            }

            writing.Token.ThrowIfCancellationRequested();
            var suggestion = SuggestionView.FromModel(writing.Id, text.ToString(), entry.Text);
            CallAssistMemory.Of(call).AddSuggestion(suggestion);
            await call.PushAsync(new SuggestionMessage(suggestion), CancellationToken.None);
        }
        catch (OperationCanceledException) when (writing.Token.IsCancellationRequested)
        {
            LogCancelled(call.Id, writing.Id, writing.Superseded ? "superseded" : "ended");
            await call.PushAsync(new SuggestionCancelledMessage(writing.Id, writing.Superseded ? "superseded" : "ended"), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogFailed(call.Id, e);
            await call.PushAsync(new ErrorMessage("suggestion_failed", ModelFailure.Describe("The suggestion", e)), CancellationToken.None);
            await fallback();
        }
        finally
        {
            lock (Current)
            {
                if (Current.TryGetValue(call, out var running) && running == writing)
                {
                    Current.Remove(call);
                }
            }

            writing.Dispose();
        }
    }

    /// <summary>One suggestion being written, and the way to stop it.</summary>
    private sealed class Writing(string id, CancellationTokenSource stop) : IDisposable
    {
        public string Id { get; } = id;

        public CancellationToken Token { get; } = stop.Token;

        public bool Superseded { get; private set; }

        public void Supersede()
        {
            Superseded = true;
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It had finished.
            }
        }

        public void Dispose() => stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: suggestion {SuggestionId} cancelled ({Reason})")]
    private partial void LogCancelled(Guid callId, string suggestionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the live-conversation model failed")]
    private partial void LogFailed(Guid callId, Exception exception);
}
