using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Answers;
using AgentCalls.Conversation.Service.Assist.Cards;
using AgentCalls.Conversation.Service.Assist.Intents;
using AgentCalls.Conversation.Service.Assist.Model;
using AgentCalls.Conversation.Service.Assist.Playbooks;
using AgentCalls.Conversation.Service.Assist.Questions;
using AgentCalls.Conversation.Service.Calls;
using Microsoft.Extensions.Options;
using NodaTime;

namespace AgentCalls.Conversation.Service.Assist;

/// <summary>
/// The assistant on a live call. On each finished utterance: a suggestion for a client's words (the live-conversation
/// model's, streamed, when that role is configured, and the playbook card when the model fails on them; else the
/// playbook card, once per call), an action the words ask for
/// (the function-execution model's tool calls when configured; else matched from speech; proposed, never run), and, for
/// a client's question, an answer from the agent's documents. Offline, the utterance is embedded once for all of it. A
/// failure here is logged and never reaches the transcript.
/// </summary>
public sealed partial class CallAssistant(
    IServiceScopeFactory scopes, PhraseVectors vectors, CardMatcher cards, SpeechProposals proposals, LiveSuggester suggester, ModelActions modelActions,
    IOptions<AssistOptions> options, TimeProvider time, ILogger<CallAssistant> logger) : ICallListener
{
    public async Task OnFinalAsync(CallSession call, TranscriptEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Text.Trim().Length == 0 || call.State != CallState.Live)
        {
            return;
        }

        var fromClient = entry.Speaker == Speakers.Client.Name;
        if (fromClient)
        {
            // Cancels the suggestion for the client's previous words, if it is still being written.
            suggester.Start(call, entry, () => CardInsteadAsync(call, entry, cancellationToken), cancellationToken);
        }

        if (modelActions.IsConfigured)
        {
            // Off the transcript's path, like the answers below.
            _ = modelActions.RunAsync(call, entry, cancellationToken);
        }

        var cardsOffline = fromClient && !suggester.IsConfigured;
        try
        {
            if (cardsOffline || !modelActions.IsConfigured)
            {
                await OfflineAsync(call, entry, cardsOffline, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAssistFailed(call.Id, e);
        }

        if (fromClient && options.Value.AnswerQuestions && QuestionForm.IsQuestion(entry.Text))
        {
            // Off the transcript's path: an answer may take a model's time, and the next utterance must not wait for it.
            _ = AnswerAsync(call, entry.Text, cancellationToken);
        }
    }

    /// <summary>The card and the proposal from speech, for the roles that are not configured; the utterance is embedded once for both.</summary>
    private async Task OfflineAsync(CallSession call, TranscriptEntry entry, bool cardsOffline, CancellationToken cancellationToken)
    {
        var vector = vectors.Utterance(entry.Text, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        if (cardsOffline)
        {
            await SuggestAsync(scope.ServiceProvider, call, entry, vector, cancellationToken);
        }

        if (!modelActions.IsConfigured)
        {
            await ProposeAsync(scope.ServiceProvider, call, entry, vector, cancellationToken);
        }
    }

    /// <summary>The playbook card for words the live-conversation model failed on, so the agent still gets help with them.</summary>
    private async Task CardInsteadAsync(CallSession call, TranscriptEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var vector = vectors.Utterance(entry.Text, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            await SuggestAsync(scope.ServiceProvider, call, entry, vector, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The call ended.
        }
        catch (Exception e)
        {
            LogAssistFailed(call.Id, e);
        }
    }

    private async Task SuggestAsync(IServiceProvider services, CallSession call, TranscriptEntry entry, float[] vector, CancellationToken cancellationToken)
    {
        var playbook = await services.GetRequiredService<PlaybookLibrary>().ListAsync(call.AgentId, cancellationToken);
        if (cards.Match(vector, playbook, cancellationToken) is not { } match)
        {
            return;
        }

        var card = match.Label;
        var suggestion = new SuggestionView(
            Guid.CreateVersion7().ToString(), card.Id.ToString(), card.Key, card.Title, GuidanceTemplate.Render(card.Guidance, call.Client, ClientToday(call.Client)),
            entry.Text, match.Phrase, Math.Round(match.Score, 3));
        if (CallAssistMemory.Of(call).TryShow(card.Id, suggestion))
        {
            await call.PushAsync(new SuggestionMessage(suggestion), cancellationToken);
        }
    }

    private async Task ProposeAsync(IServiceProvider services, CallSession call, TranscriptEntry entry, float[] vector, CancellationToken cancellationToken)
    {
        if (proposals.For(call.Client, entry, vector, cancellationToken) is not { } proposal)
        {
            return;
        }

        // The same words said again propose nothing new: what is already proposed stands.
        var (kind, arguments) = proposal;
        await services.GetRequiredService<ActionDesk>().ProposeUnlessOpenAsync(call, kind, arguments, "speech", cancellationToken);
    }

    private async Task AnswerAsync(CallSession call, string question, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            AskDocumentsResponse? final = null;
            await scope.ServiceProvider.GetRequiredService<DocumentAnswerer>().AskAsync(
                call.AgentId, question, response => { final = response.Final ? response : final; return Task.CompletedTask; }, cancellationToken);
            // "Not covered" is for questions the agent typed; small talk that sounds like a question would fill the panel with it.
            if (final is { Covered: true })
            {
                var answer = AnswerView.Of(question, final);
                CallAssistMemory.Of(call).AddAnswer(answer);
                await call.PushAsync(new AnswerMessage(answer), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAssistFailed(call.Id, e);
        }
    }

    private DateOnly ClientToday(ClientContext client) =>
        Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(ClientZone.Of(client.TimeZone)).Date.ToDateOnly();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the assistant failed on an utterance")]
    private partial void LogAssistFailed(Guid callId, Exception exception);
}
