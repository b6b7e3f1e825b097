using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Answers;
using AgentCalls.Conversation.Service.Assist.Cards;
using AgentCalls.Conversation.Service.Assist.Intents;
using AgentCalls.Conversation.Service.Assist.Playbooks;
using AgentCalls.Conversation.Service.Assist.Questions;
using AgentCalls.Conversation.Service.Calls;
using Microsoft.Extensions.Options;
using NodaTime;

namespace AgentCalls.Conversation.Service.Assist;

/// <summary>
/// The offline assistant on a live call. On each finished utterance: a playbook card the client's words call for
/// (once per call), an action the words ask for (proposed, never run), and, for a client's question, an answer from
/// the agent's documents. The utterance is embedded once for all of it. A failure here is logged and never reaches the
/// transcript.
/// </summary>
public sealed partial class CallAssistant(
    IServiceScopeFactory scopes, PhraseVectors vectors, CardMatcher cards, SpeechProposals proposals, IOptions<AssistOptions> options,
    TimeProvider time, ILogger<CallAssistant> logger) : ICallListener
{
    public async Task OnFinalAsync(CallSession call, TranscriptEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Text.Trim().Length == 0 || call.State != CallState.Live)
        {
            return;
        }

        try
        {
            var vector = vectors.Utterance(entry.Text, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            if (entry.Speaker == Speakers.Client.Name)
            {
                await SuggestAsync(scope.ServiceProvider, call, entry, vector, cancellationToken);
            }

            await ProposeAsync(scope.ServiceProvider, call, entry, vector, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAssistFailed(call.Id, e);
        }

        if (entry.Speaker == Speakers.Client.Name && options.Value.AnswerQuestions && QuestionForm.IsQuestion(entry.Text))
        {
            // Off the transcript's path: an answer may take a model's time, and the next utterance must not wait for it.
            _ = AnswerAsync(call, entry.Text, cancellationToken);
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

        var (kind, arguments) = proposal;

        // The same words said again propose nothing new: what is already proposed stands.
        var asked = arguments.ToJsonString();
        if (call.Actions.Proposals().Any(p => p.Kind == kind && p.State == ProposalState.Proposed && p.Arguments.ToJsonString() == asked))
        {
            return;
        }

        await services.GetRequiredService<ActionDesk>().ProposeAsync(call, kind, arguments, "speech", cancellationToken);
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
