using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Calls;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Microsoft.EntityFrameworkCore;
using Channel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Conversation.Tests;

/// <summary>Calls kept in conversationdb: a call outlives the process it started on, and calls nobody follows are closed from the database.</summary>
public sealed class CallPersistenceTests(ConversationServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_LiveCall_KeepsItsTranscriptContinuesOnReconnectAndIsSaved()
    {
        var agent = await host.SignInAsync("Restart Rosa", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Ray Restart");
        var startProcess = await host.OnNewDatabaseAsync(idleTimeout: TimeSpan.FromMinutes(5));
        Call call;
        await using (var before = startProcess())
        {
            call = await before.Calls.StartCallAsync(new StartCallRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);
            await using var socket = await before.ConnectAsync(agent, call.CallId);
            await socket.ReceiveAsync("state");
            await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "my renewal is next month"));
            await socket.ReceiveAsync("final");
            await socket.SendAsync(new { v = 1, type = "note", text = "wants a quote" });
            await socket.ReceiveAsync("note");
            await socket.CloseAsync();
        }

        await using var after = startProcess();
        var held = await after.Calls.GetCallAsync(new GetCallRequest { CallId = call.CallId }, agent.Bearer, cancellationToken: Cancel);
        await using var reconnected = await after.ConnectAsync(agent, call.CallId);
        var state = await reconnected.ReceiveAsync("state");
        await reconnected.SendAudioAsync(FakeTranscription.Frame(Channel.Agent, "I can send that today"));
        await reconnected.ReceiveAsync("final");
        await reconnected.SendAsync(new { v = 1, type = "end" });
        await reconnected.ReceiveAsync("ended");
        var saved = await after.Calls.SaveCallAsync(
            new SaveCallRequest { CallId = call.CallId, Summary = "Sent a quote.", Outcome = CallOutcome.Quoted }, agent.Bearer, cancellationToken: Cancel);
        var log = await after.Services.QueryAsync<ConversationDbContext, CallLog>(db => db.CallLogs.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(saved.CallLogId), Cancel));
        var callsLeft = await after.Services.QueryAsync<ConversationDbContext, int>(db => db.Calls.CountAsync(Cancel));

        Assert.Equal((CallState.Live, "my renewal is next month"), (held.State, Assert.Single(held.Transcript).Text));
        Assert.Equal(["wants a quote"], state.GetProperty("call").GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("Client: my renewal is next month\nAgent: I can send that today", log.Transcript);
        Assert.Equal(["wants a quote"], log.Notes);
        Assert.Equal("quoted", log.Outcome);
        Assert.Equal(call.CallId, saved.CallLogId);
        Assert.Equal(0, callsLeft);
    }

    [Fact]
    public async Task ConcurrentConfirms_OfACallFollowedByNoSocket_RunTheActionOnce()
    {
        var agent = await host.SignInAsync("Twice Tess", cancellationToken: Cancel);
        var (client, call) = await host.StartCallAsync(agent);
        var arguments = new Google.Protobuf.WellKnownTypes.Struct { Fields = { ["text"] = Google.Protobuf.WellKnownTypes.Value.ForString("Prefers mornings") } };
        var proposal = await host.Calls.ProposeActionAsync(new ProposeActionRequest { CallId = call.CallId, Kind = "add_note", Arguments = arguments }, agent.Bearer, cancellationToken: Cancel);

        // Each request reads its own copy of the call from the database: only the claim there keeps the action to one run.
        var confirms = await Task.WhenAll(new[] { "click", "click", "other tab" }.Select(async requestId =>
        {
            try
            {
                return (await host.Calls.ConfirmActionAsync(
                    new ConfirmActionRequest { CallId = call.CallId, ProposalId = proposal.ProposalId, RequestId = requestId }, agent.Bearer, cancellationToken: Cancel)).State;
            }
            catch (Grpc.Core.RpcException e)
            {
                return e.StatusCode.ToString();
            }
        }));
        var noted = await host.ClientsServer.Clients.GetClientAsync(new Contracts.Clients.V1.GetClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("Prefers mornings", noted.Notes);
        Assert.Contains(confirms, state => state is "running" or "succeeded");
        Assert.All(confirms, state => Assert.Contains(state, new[] { "running", "succeeded", "FailedPrecondition" }));
    }

    [Fact]
    public async Task Sweep_LiveCallOfAProcessThatDied_IsEndedAndLoggedWithItsTranscript()
    {
        var agent = await host.SignInAsync("Orphan Olga", cancellationToken: Cancel);
        var lastSeen = DateTimeOffset.UtcNow.AddMinutes(-10);
        var orphan = new CallRecord
        {
            Id = Guid.CreateVersion7(), AgentId = agent.AgentId, ClientId = Guid.NewGuid(), ClientName = "Left Lenny", CalendarEventId = "evt-orphan",
            StartedAt = lastSeen.AddMinutes(-2), LastSeenAt = lastSeen,
        };
        await host.Services.AddRowsAsync<ConversationDbContext>(
        [
            orphan,
            new CallTranscriptLine { CallId = orphan.Id, Speaker = "agent", Start = TimeSpan.FromSeconds(1), End = TimeSpan.FromSeconds(2), Text = "hello Lenny" },
            new CallTranscriptLine { CallId = orphan.Id, Speaker = "client", Start = TimeSpan.FromSeconds(3), End = TimeSpan.FromSeconds(5), Text = "please call me back next week" },
        ], Cancel);

        var log = await Eventually.ReturnsAsync(() =>
            host.QueryAsync<CallLog?>(db => db.CallLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == orphan.Id, Cancel)));
        var stillStored = await host.QueryAsync(db => db.Calls.AnyAsync(c => c.Id == orphan.Id, Cancel));
        var logged = await host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventType == CallLogged.Descriptor.FullName).ToListAsync(Cancel));

        Assert.Equal("Agent: hello Lenny\nClient: please call me back next week", log.Transcript);
        Assert.Equal(("callback requested", "Left Lenny"), (log.Outcome, log.ClientName));
        Assert.Equal([TimeSpan.FromSeconds(3)], log.TranscriptLines.Where(l => l.Speaker == "client").Select(l => l.Start));
        Assert.False(stillStored);
        Assert.Single(logged.Select(m => CallLogged.Parser.ParseFrom(m.Payload)), e => e.CallLogId == orphan.Id.ToString() && e.CalendarEventId == "evt-orphan");
    }

    [Fact]
    public async Task Sweep_ActionThatWasRunningWhenItsProcessDied_IsLoggedAsInterrupted_NotRunning()
    {
        var agent = await host.SignInAsync("Interrupted Ida", cancellationToken: Cancel);
        var lastSeen = DateTimeOffset.UtcNow.AddMinutes(-10);
        var proposalId = Guid.NewGuid();
        var arguments = """{"text":"call back on Friday"}""";
        var orphan = new CallRecord
        {
            Id = Guid.CreateVersion7(), AgentId = agent.AgentId, ClientId = Guid.NewGuid(), ClientName = "Ivo Interrupted",
            StartedAt = lastSeen.AddMinutes(-2), LastSeenAt = lastSeen,
            Proposals = [new ProposalRecord(proposalId, ActionKinds.AddNote, arguments, "agent", lastSeen.AddMinutes(-1), ProposalState.Running, "request-1", null)],
            Audit =
            [
                new AuditEntry(lastSeen.AddMinutes(-1), "proposed", proposalId.ToString(), ActionKinds.AddNote, arguments),
                new AuditEntry(lastSeen.AddSeconds(-50), "confirmed", proposalId.ToString(), ActionKinds.AddNote, arguments),
            ],
        };
        await host.Services.AddRowsAsync<ConversationDbContext>([orphan], Cancel);

        var log = await Eventually.ReturnsAsync(() =>
            host.QueryAsync<CallLog?>(db => db.CallLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == orphan.Id, Cancel)));

        Assert.Equal(["proposed", "confirmed", "failed"], log.Audit.Where(e => e.ProposalId == proposalId.ToString()).Select(e => e.Step));
        Assert.Equal(CallActions.InterruptedResult, log.Audit.Last().Result);
    }
}
