using System.Text.Json;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Channel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Conversation.Tests.Assist.Model;

/// <summary>The function-execution role on a call: reads run at once, writes become proposals that run only on the agent's confirm.</summary>
public sealed class ModelActionsTests(LlmServiceHost host)
{
    private static readonly string ToolsModel = LlmServiceHost.Model(LlmRole.FunctionExecution);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ModelsWriteToolCall_BecomesAProposal_ThatRunsOnlyOnConfirm_AndOnce()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(ToolsModel, marker, FakeChatReply.Call("add_note", """{"text":"Wants a flood quote"}""", pieces: 5));
        var (agent, client, call, socket) = await host.OpenCallAsync("Tool Tina", "Noted Nora");
        await using var _socket = socket;

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Agent, $"{marker} I will note that you want a flood quote"));
        var proposal = (await socket.ReceiveAsync("proposal")).GetProperty("proposal");
        var beforeConfirm = await ReadClientAsync(agent, client);
        var confirm = new ConfirmActionRequest { CallId = call.CallId, ProposalId = proposal.GetProperty("proposalId").GetString(), RequestId = "c1" };
        var first = await host.Calls.ConfirmActionAsync(confirm, agent.Bearer, cancellationToken: Cancel);
        var repeated = await host.Calls.ConfirmActionAsync(confirm, agent.Bearer, cancellationToken: Cancel);
        var other = await Assert.ThrowsAsync<RpcException>(() => host.Calls.ConfirmActionAsync(new ConfirmActionRequest(confirm) { RequestId = "c2" }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        var afterConfirm = await ReadClientAsync(agent, client);

        Assert.Equal(("add_note", "model", "proposed", "Wants a flood quote"),
            (proposal.GetProperty("kind").GetString(), proposal.GetProperty("source").GetString(), proposal.GetProperty("state").GetString(),
             proposal.GetProperty("arguments").GetProperty("text").GetString()));
        Assert.Equal("", beforeConfirm.Notes);
        Assert.Equal(("succeeded", "succeeded"), (first.State, repeated.State));
        Assert.Equal(StatusCode.FailedPrecondition, other.StatusCode);
        Assert.Equal("Wants a flood quote", afterConfirm.Notes);
        // The model is not called again: a write ends its turn, and it is never told the write ran.
        Assert.Single(host.RequestsTo(LlmRole.FunctionExecution, marker));
    }

    [Fact]
    public async Task ToolCallArguments_SplitAcrossManyDeltas_ArriveWholeInTheProposal()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(ToolsModel, marker, FakeChatReply.Call(
            "schedule_follow_up", """{"startTime":"2027-03-10T10:00:00-05:00","durationMinutes":20,"notes":"Review the flood quote"}""", pieces: 12));
        var (_, _, _, socket) = await host.OpenCallAsync("Split Sid", "Later Lara");
        await using var _socket = socket;

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, $"{marker} call me again on the tenth at ten"));
        var arguments = (await socket.ReceiveAsync("proposal")).GetProperty("proposal").GetProperty("arguments");

        Assert.Equal(("2027-03-10T10:00:00-05:00", 20, "Review the flood quote"),
            (arguments.GetProperty("startTime").GetString(), arguments.GetProperty("durationMinutes").GetInt32(), arguments.GetProperty("notes").GetString()));
    }

    [Fact]
    public async Task ModelsReadToolCall_RunsAtOnce_AndItsRedactedResultGoesBackToTheModel()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(ToolsModel, marker, FakeChatReply.Call("get_client", "{}"), FakeChatReply.Text("none"));
        var (agent, client, call, socket) = await host.OpenCallAsync("Read Rena", "Rita Reader");
        await using var _socket = socket;
        await host.Services.AddRowsAsync<ConversationDbContext>(
            [new CallLog { AgentId = agent.AgentId, ClientId = Guid.Parse(client.ClientId), StartedAt = DateTimeOffset.UtcNow.AddDays(-3), Notes = ["Paid with card 4111 1111 1111 1111"] }], Cancel);

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Agent, $"{marker} let me look at your policies"));
        // Transcript, model, Clients' read and the model again, in a host that may be cold: past 20 s twice in CI runs
        // beside the image build, never on a quiet machine.
        var requests = await Eventually.ReturnsAsync(() => Task.FromResult(host.RequestsTo(LlmRole.FunctionExecution, marker) is { Count: 2 } both ? both : null),
            timeout: TimeSpan.FromSeconds(60));
        var held = await host.Calls.GetCallAsync(new GetCallRequest { CallId = call.CallId }, agent.Bearer, cancellationToken: Cancel);

        var toolResult = requests[1]["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.ToJsonString();
        Assert.Contains("Rita Reader", toolResult);
        Assert.Contains("Prairie Mutual", toolResult);
        Assert.Contains(SensitiveDataRedactor.CardNumber, toolResult);
        Assert.DoesNotContain("4111", requests[1].ToJsonString());
        Assert.Empty(held.Actions);
    }

    [Fact]
    public async Task ModelsFreeSlotsCall_ReadsTheAgentsCalendarThroughCalendar_AndLeavesOutTheBookedTime()
    {
        var marker = LlmServiceHost.Marker();
        // A Monday a week or two ahead: a working day in the agent's default hours (09:00-17:00 UTC).
        var today = DateTime.UtcNow.Date;
        var monday = today.AddDays(7 + ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        var day = monday.ToString("yyyy-MM-dd");
        host.OpenAi.ReplyTo(ToolsModel, marker, FakeChatReply.Call("find_free_slots", $$"""{"fromDate":"{{day}}","toDate":"{{day}}"}"""), FakeChatReply.Text("none"));
        var (agent, client, _, socket) = await host.OpenCallAsync("Slot Sally", "Sam Slots");
        await using var _socket = socket;
        await host.CalendarServer.Calls.ScheduleCallAsync(new ScheduleCallRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = client.ClientId, DurationMinutes = 30,
            StartTime = Timestamp.FromDateTime(DateTime.SpecifyKind(monday.AddHours(10), DateTimeKind.Utc)),
        }, agent.Bearer, cancellationToken: Cancel);

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Agent, $"{marker} let me see when I am free that Monday"));
        var requests = await Eventually.ReturnsAsync(() => Task.FromResult(host.RequestsTo(LlmRole.FunctionExecution, marker) is { Count: 2 } both ? both : null));

        var toolResult = requests[1]["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.ToJsonString();
        Assert.Contains($"{day}T09:00:00Z", toolResult);
        Assert.DoesNotContain($"{day}T10:00:00Z", toolResult);
        Assert.DoesNotContain("could not be read", toolResult);
    }

    private async Task<Client> ReadClientAsync(SignedInAgent agent, Client client) =>
        await host.ClientsServer.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);
}
