using System.Globalization;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Assist.Model;
using AgentCalls.Conversation.Service.Calls;
using Microsoft.Extensions.AI;

namespace AgentCalls.Conversation.Service.CallLogs.Model;

/// <summary>
/// The summarisation role's draft of a call's log, as structured output (a JSON schema from <see cref="DraftReply"/>),
/// checked by <see cref="DraftCheck"/>; an invalid draft is sent back once with its errors to be repaired. Null when the
/// model's draft is still invalid: the caller falls back to the offline draft.
/// </summary>
public sealed class ModelDrafter(IChatClient model, CallBriefs briefs, TimeProvider time)
{
    public const string ModelSource = "model";

    private const string Instructions = """
        You write the log of an insurance agent's phone call with a client, from the client's file and the whole
        transcript: a short factual summary, the call's outcome, and the follow-ups the agent still has to do (with the
        time agreed, in the client's time zone, if one was). Use only what is in the file and the transcript.
        """;

    /// <summary>The draft, or null when the model's reply stayed invalid after one repair.</summary>
    public async Task<CallDraft?> DraftAsync(CallSession call, CancellationToken cancellationToken)
    {
        var brief = await briefs.WriteAsync(call, int.MaxValue, cancellationToken);
        List<ChatMessage> messages = [new(ChatRole.System, Instructions), new(ChatRole.User, brief)];
        var options = new ChatOptions { Temperature = 0 }.ForAgent(call.AgentId);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var response = await model.GetResponseAsync<DraftReply>(messages, options, useJsonSchemaResponseFormat: true, cancellationToken);
            IReadOnlyList<string> errors = response.TryGetResult(out var reply) && reply is not null
                ? DraftCheck.Errors(reply, call.StartedAt, time.GetUtcNow())
                : ["The reply is not a JSON object with summary, outcome and followUps as the schema asks."];
            if (errors.Count == 0)
            {
                return Draft(call, reply!);
            }

            messages.AddRange(response.Messages);
            messages.Add(new ChatMessage(ChatRole.User,
                $"That draft is invalid:\n- {string.Join("\n- ", errors)}\nReply again with the whole draft as JSON that fixes these."));
        }

        return null;
    }

    private static CallDraft Draft(CallSession call, DraftReply reply)
    {
        var draft = new CallDraft
        {
            CallId = call.Id.ToString(),
            Summary = reply.Summary.Trim(),
            // The outcome the agent confirmed during the call stands over the model's reading of it.
            Outcome = call.ChosenOutcome ?? Outcomes.Parse(reply.Outcome.Trim().ToLowerInvariant()),
            Source = ModelSource,
        };
        draft.FollowUps.AddRange(call.Actions.FollowUps());
        draft.FollowUps.AddRange((reply.FollowUps ?? []).Select(f => f.When is { } when
            ? $"{f.What.Trim()} ({DateTimeOffset.Parse(when, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)})"
            : f.What.Trim()));
        return draft;
    }
}
