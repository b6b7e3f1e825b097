using System.Net;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Calls;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AgentCalls.Conversation.Tests.ConversationServiceHost;

namespace AgentCalls.Conversation.Tests;

/// <summary>Call logs: searched, opened, edited and deleted, each only by the agent whose log it is.</summary>
public sealed class CallLogsTests(ConversationServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_MatchesTranscriptsAndSummaries_NewestFirst_OnlyTheAgentsOwn()
    {
        var agent = await host.SignInAsync("Search Sue", cancellationToken: Cancel);
        var stranger = await host.SignInAsync("Search Stranger", cancellationToken: Cancel);
        var older = await AddLogAsync(agent, Morning, summary: "Renewed the home policy.", transcript: "Client: is flood cover included");
        var newer = await AddLogAsync(agent, Morning.AddHours(1), transcript: "Client: the basement keeps flooding");
        await AddLogAsync(agent, Morning.AddHours(2), summary: "Left a voicemail.");
        await AddLogAsync(stranger, Morning.AddHours(3), transcript: "Client: flood damage");

        var flood = await SearchAsync(agent, "flood");
        var phrase = await SearchAsync(agent, "\"home policy\"");
        var excluded = await SearchAsync(agent, "flood -basement");

        Assert.Equal([newer.Id, older.Id], flood);
        Assert.Equal([older.Id], phrase);
        Assert.Equal([older.Id], excluded);
    }

    [Fact]
    public async Task Search_ThroughRest_AnswersTheMatchingLogsWithClientNameAndDuration()
    {
        var agent = await host.SignInAsync("Rest Search Rae", cancellationToken: Cancel);
        var log = await AddLogAsync(agent, Morning, summary: "Quoted an umbrella policy.");
        await AddLogAsync(agent, Morning.AddHours(1), summary: "No answer.");

        var response = await host.Rest.GetJsonAsync("/api/conversation/call-logs?query=umbrella", agent, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var only = Assert.Single(response.Body.GetProperty("callLogs").EnumerateArray());
        Assert.Equal((log.Id.ToString(), "Cleo Client", 300), (only.GetProperty("callLogId").GetString(), only.GetProperty("clientName").GetString(), only.GetProperty("durationSeconds").GetInt32()));
    }

    [Fact]
    public async Task Search_QueryTooLong_IsInvalidArgumentOnQuery()
    {
        var agent = await host.SignInAsync("Long Query Lou", cancellationToken: Cancel);

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.Conversation.ListCallLogsAsync(
            new ListCallLogsRequest { Query = new string('a', 201) }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(["query"], fields);
    }

    [Fact]
    public async Task Get_OwnLog_ReturnsTranscriptWithSpeakersAndTimes_AuditAndDuration()
    {
        var agent = await host.SignInAsync("Getter Gia", cancellationToken: Cancel);
        var log = await AddLogAsync(agent, Morning, summary: "Renewed.", transcript: "Client: yes renew it");

        var read = await host.Conversation.GetCallLogAsync(new GetCallLogRequest { CallLogId = log.Id.ToString() }, agent.Bearer, cancellationToken: Cancel);

        var line = Assert.Single(read.Transcript);
        Assert.Equal(("client", 2.0, 4.5, "yes renew it"), (line.Speaker, line.Start.ToTimeSpan().TotalSeconds, line.End.ToTimeSpan().TotalSeconds, line.Text));
        Assert.Equal(["proposed", "confirmed", "succeeded"], read.Audit.Select(a => a.Step));
        Assert.Equal("Outcome set to renewed", read.Audit[^1].Result);
        Assert.Equal((300, "renewed", "Renewed.", "Cleo Client"), (read.DurationSeconds, read.Outcome, read.Summary, read.ClientName));
        Assert.Equal(["Send the renewal papers"], read.FollowUps);
    }

    [Fact]
    public async Task GetEditDelete_AnotherAgentsLog_AreNotFoundAndChangeNothing()
    {
        var owner = await host.SignInAsync("Log Owner Oz", cancellationToken: Cancel);
        var stranger = await host.SignInAsync("Log Stranger Sy", cancellationToken: Cancel);
        var log = await AddLogAsync(owner, Morning, summary: "Mine.");
        var id = log.Id.ToString();

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Conversation.GetCallLogAsync(new GetCallLogRequest { CallLogId = id }, stranger.Bearer, cancellationToken: Cancel).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Conversation.UpdateCallLogAsync(
            new UpdateCallLogRequest { CallLogId = id, Summary = "Theirs.", Outcome = "lost" }, stranger.Bearer, cancellationToken: Cancel).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Conversation.DeleteCallLogAsync(new DeleteCallLogRequest { CallLogId = id }, stranger.Bearer, cancellationToken: Cancel).ResponseAsync);
        var kept = await host.Conversation.GetCallLogAsync(new GetCallLogRequest { CallLogId = id }, owner.Bearer, cancellationToken: Cancel);

        Assert.Equal(("Mine.", "renewed"), (kept.Summary, kept.Outcome));
    }

    [Fact]
    public async Task Update_SummaryAndOutcome_AreSavedAndTheNewOutcomeIsAnnounced()
    {
        var agent = await host.SignInAsync("Editor Eve", cancellationToken: Cancel);
        var log = await AddLogAsync(agent, Morning, summary: "Draft.");

        var updated = await host.Conversation.UpdateCallLogAsync(
            new UpdateCallLogRequest { CallLogId = log.Id.ToString(), Summary = " Asked for a callback on Friday. ", Outcome = "callback requested" },
            agent.Bearer, cancellationToken: Cancel);
        var found = await SearchAsync(agent, "friday");
        var announced = await host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventType == CallLogged.Descriptor.FullName).ToListAsync(Cancel));

        Assert.Equal(("Asked for a callback on Friday.", "callback requested"), (updated.Summary, updated.Outcome));
        Assert.Equal([log.Id], found);
        Assert.Single(announced.Select(m => CallLogged.Parser.ParseFrom(m.Payload)), e => e.CallLogId == log.Id.ToString() && e.Outcome == CallOutcome.CallbackRequested);
    }

    [Fact]
    public async Task Update_UnknownOutcomeAndLongSummary_AreInvalidArgumentNamingEachAndChangeNothing()
    {
        var agent = await host.SignInAsync("Bad Edit Bo", cancellationToken: Cancel);
        var log = await AddLogAsync(agent, Morning, summary: "Kept.");

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.Conversation.UpdateCallLogAsync(
            new UpdateCallLogRequest { CallLogId = log.Id.ToString(), Summary = new string('s', 4001), Outcome = "won the lottery" },
            agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        var badId = await RpcAssert.InvalidArgumentAsync(() => host.Conversation.GetCallLogAsync(new GetCallLogRequest { CallLogId = "log-1" }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        var kept = await host.Conversation.GetCallLogAsync(new GetCallLogRequest { CallLogId = log.Id.ToString() }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(["summary", "outcome"], fields);
        Assert.Equal(["callLogId"], badId);
        Assert.Equal(("Kept.", "renewed"), (kept.Summary, kept.Outcome));
    }

    [Fact]
    public async Task Delete_OwnLog_IsGoneFromGetAndList()
    {
        var agent = await host.SignInAsync("Deleter Dee", cancellationToken: Cancel);
        var log = await AddLogAsync(agent, Morning, summary: "Delete me.");
        var other = await AddLogAsync(agent, Morning.AddHours(1), summary: "Keep me.");

        await host.Conversation.DeleteCallLogAsync(new DeleteCallLogRequest { CallLogId = log.Id.ToString() }, agent.Bearer, cancellationToken: Cancel);
        var listed = await host.ListAsync(agent);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Conversation.GetCallLogAsync(new GetCallLogRequest { CallLogId = log.Id.ToString() }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal([other.Id.ToString()], listed.CallLogs.Select(c => c.CallLogId));
    }

    [Fact]
    public async Task AgentDeleted_ErasesTheirCallsTranscriptsAndLogs_AndNoOneElses()
    {
        var agent = await host.SignInAsync("Deleted Dot", cancellationToken: Cancel);
        var bystander = await host.SignInAsync("Bystander Bea", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent);
        await using (var socket = await host.ConnectAsync(agent, call.CallId))
        {
            await socket.ReceiveAsync("state");
            await socket.SendAudioAsync(FakeTranscription.Frame(Contracts.Transcription.V1.Channel.Client, "remember my address"));
            await socket.ReceiveAsync("final");
        }

        await AddLogAsync(agent, Morning, summary: "Theirs.");
        var kept = await AddLogAsync(bystander, Morning, summary: "Not theirs.");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<Service.Agents.AgentDeletedHandler>(scope.ServiceProvider)
                .HandleAsync(new Contracts.Identity.V1.AgentDeleted { AgentId = agent.AgentId.ToString() }, new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow), Cancel);
        }

        var left = await host.QueryAsync(async db => (
            await db.Calls.CountAsync(c => c.AgentId == agent.AgentId, Cancel),
            await db.CallTranscriptLines.CountAsync(l => l.CallId == Guid.Parse(call.CallId), Cancel),
            await db.CallLogs.CountAsync(l => l.AgentId == agent.AgentId, Cancel)));
        Assert.Equal((0, 0, 0), left);
        Assert.Equal([kept.Id], (await host.ListAsync(bystander)).CallLogs.Select(c => Guid.Parse(c.CallLogId)));
    }

    /// <summary>A saved log of a five-minute call with "Cleo Client", ended with a confirmed outcome of "renewed".</summary>
    private async Task<CallLog> AddLogAsync(SignedInAgent agent, DateTimeOffset start, string summary = "", string transcript = "")
    {
        var lines = transcript.Length == 0 ? [] : new List<TranscriptEntry> { new("client", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.5), transcript.Split(": ", 2)[1]) };
        var proposal = Guid.CreateVersion7().ToString();
        var log = new CallLog
        {
            AgentId = agent.AgentId, ClientId = Guid.NewGuid(), ClientName = "Cleo Client", StartedAt = start, EndedAt = start.AddMinutes(5), DurationSeconds = 300,
            Summary = summary, Outcome = "renewed", Transcript = transcript, TranscriptLines = lines, FollowUps = ["Send the renewal papers"],
            Audit =
            [
                new AuditEntry(start.AddMinutes(1), "proposed", proposal, ActionKinds.SetOutcome, """{"outcome":"renewed"}"""),
                new AuditEntry(start.AddMinutes(2), "confirmed", proposal, ActionKinds.SetOutcome, """{"outcome":"renewed"}"""),
                new AuditEntry(start.AddMinutes(2), "succeeded", proposal, ActionKinds.SetOutcome, """{"outcome":"renewed"}""", "Outcome set to renewed"),
            ],
        };
        await host.Services.AddRowsAsync<ConversationDbContext>([log], Cancel);
        return log;
    }

    private async Task<List<Guid>> SearchAsync(SignedInAgent agent, string query) =>
        [.. (await host.Conversation.ListCallLogsAsync(new ListCallLogsRequest { Query = query }, agent.Bearer, cancellationToken: Cancel)).CallLogs.Select(c => Guid.Parse(c.CallLogId))];
}
