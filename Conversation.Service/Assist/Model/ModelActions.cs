using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Calls;
using Grpc.Core;
using Microsoft.Extensions.AI;

namespace AgentCalls.Conversation.Service.Assist.Model;

/// <summary>
/// The function-execution role on a call: after each finished utterance the model may call tools. Streamed through
/// Microsoft.Extensions.AI's function-invoking client, so tool calls whose arguments arrive in pieces are whole by the
/// time they are seen. Reading tools run at once and their results go back to the model; a writing tool comes back as
/// an approval request and becomes a proposal (<c>source</c> "model") through <see cref="ActionDesk"/>, which runs it
/// only on the agent's confirm. The model is told it was proposed, never that it ran.
/// </summary>
public sealed class ModelActions(
    IServiceScopeFactory scopes, CallBriefs briefs, TimeProvider time, ILoggerFactory loggers,
    [FromKeyedServices(LlmRole.FunctionExecution)] IChatClient? model = null)
{
    /// <summary>Rounds of reading tools one utterance may take before the model must have decided.</summary>
    private const int MaxRounds = 3;

    private const string Instructions = """
        You carry out an insurance agent's requests during a live phone call with a client. After each utterance decide
        whether the conversation asks for an action: schedule a follow-up call at a time both agreed, add a note, update
        the client's e-mail or time zone, set the call's outcome, or mark the client do not call when they ask for it.
        Call a reading tool when you need facts first. Every action you call is only proposed: the agent confirms it.
        When nothing is asked for, reply with the single word: none.
        """;

    private const string ProposedReply = "Proposed to the agent; it runs only if the agent confirms it.";

    private readonly ILogger logger = loggers.CreateLogger<ModelActions>();

    public bool IsConfigured => model is not null;

    /// <summary>Runs the model on the call after <paramref name="entry"/>; failures go to the socket as an <c>error</c>.</summary>
    public async Task RunAsync(CallSession call, TranscriptEntry entry, CancellationToken callEnded)
    {
        if (model is null)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var tools = new CallTools(call, scope.ServiceProvider, time.GetUtcNow());
            var chat = new FunctionInvokingChatClient(model, loggers, scope.ServiceProvider) { MaximumIterationsPerRequest = MaxRounds };
            var brief = await briefs.WriteAsync(call, CallBrief.RecentUtterances, callEnded);
            List<ChatMessage> messages =
            [
                new(ChatRole.System, Instructions),
                new(ChatRole.User, $"{brief}\nThe latest utterance ({CallLogs.CallDrafter.Speaker(entry.Speaker)}): \"{entry.Text.Trim()}\""),
            ];
            var options = new ChatOptions { Tools = tools.All, ToolMode = ChatToolMode.Auto, Temperature = 0 }.ForAgent(call.AgentId);
            for (var round = 0; round < MaxRounds; round++)
            {
                var response = await StreamAsync(chat, messages, options, callEnded);
                messages.AddRange(response.Messages);
                var asked = response.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>().ToList();
                if (asked.Count == 0)
                {
                    return;
                }

                // The function-invoking client asks approval for every call of a turn once one is a write: reads are approved
                // here (they run and the model goes on), writes become proposals and are never approved to run.
                var answers = new List<AIContent>();
                foreach (var request in asked)
                {
                    var toolCall = (FunctionCallContent)request.ToolCall;
                    if (CallTools.IsWrite(toolCall.Name))
                    {
                        await ProposeAsync(scope.ServiceProvider, call, toolCall, callEnded);
                        answers.Add(request.CreateResponse(false, ProposedReply));
                    }
                    else
                    {
                        answers.Add(request.CreateResponse(true));
                    }
                }

                if (asked.All(r => CallTools.IsWrite(((FunctionCallContent)r.ToolCall).Name)))
                {
                    return;
                }

                messages.Add(new ChatMessage(ChatRole.User, answers));
            }
        }
        catch (OperationCanceledException) when (callEnded.IsCancellationRequested)
        {
            // The call ended.
        }
        catch (Exception e)
        {
            LogFailed(logger, call.Id, e);
            await call.PushAsync(new ErrorMessage("tools_failed", ModelFailure.Describe("The assistant's action step", e)), CancellationToken.None);
        }
    }

    private static async Task<ChatResponse> StreamAsync(IChatClient chat, List<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    private async Task ProposeAsync(IServiceProvider services, CallSession call, FunctionCallContent toolCall, CancellationToken cancellationToken)
    {
        var arguments = new JsonObject();
        foreach (var (name, value) in toolCall.Arguments ?? new Dictionary<string, object?>())
        {
            if (JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions) is { } node && node.GetValueKind() != JsonValueKind.Null)
            {
                arguments[name] = node;
            }
        }

        try
        {
            await services.GetRequiredService<ActionDesk>().ProposeUnlessOpenAsync(call, toolCall.Name, arguments, "model", cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition)
        {
            LogProposalRefused(logger, call.Id, toolCall.Name, e.Status.Detail, null);
            await call.PushAsync(new ErrorMessage("tools_failed", $"The model proposed {toolCall.Name.Replace('_', ' ')} with arguments that cannot run ({e.Status.Detail}); nothing was proposed."), cancellationToken);
        }
    }

    // Defined by hand: two logging source generators reach this project (see DocumentAnswerer).
    private static readonly Action<ILogger, Guid, Exception?> LogFailed = LoggerMessage.Define<Guid>(
        LogLevel.Warning, new EventId(1, "ModelActionsFailed"), "Call {CallId}: the function-execution model failed");

    private static readonly Action<ILogger, Guid, string, string, Exception?> LogProposalRefused = LoggerMessage.Define<Guid, string, string>(
        LogLevel.Information, new EventId(2, "ModelProposalRefused"), "Call {CallId}: the model's {Tool} proposal was refused: {Detail}");
}
