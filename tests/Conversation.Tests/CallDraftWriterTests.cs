using System.Globalization;
using System.Text.Json;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.TestSupport;

namespace AgentCalls.Conversation.Tests;

/// <summary>The summarisation role's draft at the end of a call: structured output, checked, repaired once, else the offline draft.</summary>
public sealed class CallDraftWriterTests(LlmServiceHost host)
{
    private static readonly string SummaryModel = LlmServiceHost.Model(LlmRole.Summarisation);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset InTwoDays = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(16), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(-6));

    private static string Draft(string summary, string outcome, string what, string when) => JsonSerializer.Serialize(new
    {
        summary, outcome, followUps = new[] { new { what, when } },
    });

    private static readonly string Valid = Draft("Talked about flood cover; the client wants a quote.", "quoted", "Send the flood quote", InTwoDays.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private static readonly string Invalid = Draft("The client may think about it.", "maybe later", "Call again", "yesterday");

    [Fact]
    public async Task ValidStructuredReply_IsTheDraft_WithSourceModel()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(SummaryModel, marker, FakeChatReply.Text(Valid));

        var draft = await EndCallWithNoteAsync("Summary Sally", marker);

        Assert.Equal(("model", "Talked about flood cover; the client wants a quote.", "quoted"),
            (draft.GetProperty("source").GetString(), draft.GetProperty("summary").GetString(), draft.GetProperty("outcome").GetString()));
        Assert.Equal([$"Send the flood quote ({InTwoDays.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)})"],
            draft.GetProperty("followUps").EnumerateArray().Select(f => f.GetString()));
        var request = Assert.Single(host.RequestsTo(LlmRole.Summarisation, marker));
        Assert.Equal("json_schema", request["response_format"]?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task InvalidReply_IsRepairedOnce_WithItsErrorsSentBack()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(SummaryModel, marker, FakeChatReply.Text(Invalid), FakeChatReply.Text(Valid));

        var draft = await EndCallWithNoteAsync("Repair Reza", marker);

        Assert.Equal(("model", "quoted"), (draft.GetProperty("source").GetString(), draft.GetProperty("outcome").GetString()));
        var requests = host.RequestsTo(LlmRole.Summarisation, marker);
        Assert.Equal(2, requests.Count);
        var repair = requests[1].ToJsonString();
        Assert.Contains("maybe later", repair);
        Assert.Contains("is not one of", repair);
        Assert.Contains("is not an ISO 8601 time", repair);
    }

    [Fact]
    public async Task InvalidTwice_FallsBackToTheOfflineDraft()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(SummaryModel, marker, FakeChatReply.Text(Invalid), FakeChatReply.Text(Invalid), FakeChatReply.Text(Valid));

        var draft = await EndCallWithNoteAsync("Fallback Fern", marker);

        Assert.Equal("offline", draft.GetProperty("source").GetString());
        Assert.NotEqual("The client may think about it.", draft.GetProperty("summary").GetString());
        Assert.Equal("no answer", draft.GetProperty("outcome").GetString());
        Assert.Equal(2, host.RequestsTo(LlmRole.Summarisation, marker).Count);
    }

    [Fact]
    public async Task ProviderFailing_FallsBackToTheOfflineDraft()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(SummaryModel, marker, [.. Enumerable.Repeat(FakeChatReply.Error(503), LlmServiceHost.MaxRetries + 1)]);

        var draft = await EndCallWithNoteAsync("Outage Otis", marker);

        Assert.Equal("offline", draft.GetProperty("source").GetString());
    }

    [Fact]
    public async Task ModelsDraft_ReadBackByAnotherProcess_KeepsItsSource()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(SummaryModel, marker, FakeChatReply.Text(Valid));
        var agent = await host.SignInAsync("Replica Rhea", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Quinn Quote");
        var startProcess = await host.OnNewDatabaseAsync(idleTimeout: TimeSpan.FromMinutes(5));
        Call call;
        JsonElement ended;
        await using (var first = startProcess())
        {
            call = await first.Calls.StartCallAsync(new StartCallRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);
            await using var socket = await first.ConnectAsync(agent, call.CallId);
            await socket.ReceiveAsync("state");
            await socket.SendAsync(new { v = 1, type = "note", text = $"{marker} wants a flood quote" });
            await socket.ReceiveAsync("note");
            await socket.SendAsync(new { v = 1, type = "end" });
            ended = (await socket.ReceiveAsync("ended")).GetProperty("draft");
        }

        await using var second = startProcess();
        var readBack = await second.Calls.GetCallAsync(new GetCallRequest { CallId = call.CallId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("model", ended.GetProperty("source").GetString());
        Assert.Equal(("model", "Talked about flood cover; the client wants a quote."), (readBack.Draft.Source, readBack.Draft.Summary));
    }

    /// <summary>A call whose only content is the agent's note carrying <paramref name="marker"/>, ended on its socket; its <c>ended</c> draft.</summary>
    private async Task<JsonElement> EndCallWithNoteAsync(string agentName, string marker)
    {
        var (_, _, _, socket) = await host.OpenCallAsync(agentName, "Quinn Quote");
        await using var _socket = socket;
        await socket.SendAsync(new { v = 1, type = "note", text = $"{marker} wants a flood quote" });
        await socket.ReceiveAsync("note");
        await socket.SendAsync(new { v = 1, type = "end" });
        return (await socket.ReceiveAsync("ended")).GetProperty("draft");
    }
}
