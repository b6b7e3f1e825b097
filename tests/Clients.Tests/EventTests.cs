using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Tests;

/// <summary>Events out through the outbox, and the calendar's and conversation's events applied to clients.</summary>
public sealed class EventTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientAndPolicyWrites_QueueClientUpdatedAndPolicyChangedInTheOutbox()
    {
        var agent = await host.NewAgentAsync("Outbox Olga");
        var client = await host.CreateClientAsync(agent, "Evan Event");
        var change = client.Clone();
        change.DoNotCall = true;
        await host.Clients.UpdateClientAsync(new UpdateClientRequest { Client = change }, agent.Bearer, cancellationToken: Cancel);
        var policy = await host.CreatePolicyAsync(agent, client.ClientId, $"EV-{Guid.NewGuid():N}");

        var events = await host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync(Cancel));
        var clientEvents = events.Where(m => m.EventType == ClientUpdated.Descriptor.FullName).Select(m => ClientUpdated.Parser.ParseFrom(m.Payload))
            .Where(e => e.ClientId == client.ClientId).ToList();
        var policyEvent = events.Where(m => m.EventType == PolicyChanged.Descriptor.FullName).Select(m => PolicyChanged.Parser.ParseFrom(m.Payload))
            .Single(e => e.PolicyId == policy.PolicyId);

        Assert.Equal([ChangeKind.Created, ChangeKind.Updated], clientEvents.Select(e => e.Change));
        Assert.Equal(["doNotCall", "doNotCallSince"], clientEvents[1].ChangedFields.Order());
        Assert.True(clientEvents[1].DoNotCall);
        Assert.Equal((ChangeKind.Created, agent.AgentId.ToString(), client.ClientId), (policyEvent.Change, policyEvent.AgentId, policyEvent.ClientId));
    }

    [Fact]
    public async Task Import_QueuesClientUpdatedAndPolicyChangedForEveryClientAndPolicyItWrites()
    {
        var agent = await host.NewAgentAsync("Imported Ida");
        var dryAgent = await host.NewAgentAsync("Dry Ida");
        var existing = await host.CreateClientAsync(agent, "Old Olive", c => c.Email = "c0.evimp@example.com");
        var kept = await host.CreatePolicyAsync(agent, existing.ClientId, "evimp-P0", p => p.Carrier = "Old Carrier");

        var import = await host.ImportCsvAsync(agent, ImportFiles.Book(3, "evimp"));
        await host.ImportCsvAsync(dryAgent, ImportFiles.Book(3, "evdry"), dryRun: true);
        var clients = await host.AllClientsAsync(agent);
        var events = await host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync(Cancel));
        var clientEvents = events.Where(m => m.EventType == ClientUpdated.Descriptor.FullName).Select(m => ClientUpdated.Parser.ParseFrom(m.Payload)).ToList();
        var policyEvents = events.Where(m => m.EventType == PolicyChanged.Descriptor.FullName).Select(m => PolicyChanged.Parser.ParseFrom(m.Payload)).ToList();
        var ours = clientEvents.Where(e => e.AgentId == agent.AgentId.ToString()).ToList();
        var ourPolicies = policyEvents.Where(e => e.AgentId == agent.AgentId.ToString()).ToList();

        Assert.Equal((2, 1, 2, 1), (import.ClientsCreated, import.ClientsUpdated, import.PoliciesCreated, import.PoliciesUpdated));
        var updated = Assert.Single(ours, e => e.ClientId == existing.ClientId && e.Change == ChangeKind.Updated);
        Assert.Equal("Client 0", updated.DisplayName);
        Assert.Equal(["displayName", "externalId", "phones"], updated.ChangedFields.Order());
        Assert.Equal(
            ["Client 1", "Client 2"],
            ours.Where(e => e.Change == ChangeKind.Created && e.ClientId != existing.ClientId).Select(e => e.DisplayName).Order());
        Assert.All(clients, c => Assert.Contains(ours, e => e.ClientId == c.ClientId));
        var policyUpdated = Assert.Single(ourPolicies, e => e.PolicyId == kept.PolicyId && e.Change == ChangeKind.Updated);
        Assert.Contains("carrier", policyUpdated.ChangedFields);
        Assert.Equal(
            [("evimp-P1", "Client 1"), ("evimp-P2", "Client 2")],
            ourPolicies.Where(e => e.Change == ChangeKind.Created && e.PolicyId != kept.PolicyId)
                .Select(e => (e.PolicyNumber, clients.Single(c => c.ClientId == e.ClientId).DisplayName)).Order());
        Assert.DoesNotContain(clientEvents, e => e.AgentId == dryAgent.AgentId.ToString());
        Assert.DoesNotContain(policyEvents, e => e.AgentId == dryAgent.AgentId.ToString());
    }

    [Fact]
    public async Task CallLogged_ForTheClient_SetsLastContactedOutcomeAndHistory()
    {
        var agent = await host.NewAgentAsync("Logged Lou");
        var client = await host.CreateClientAsync(agent, "Cathy Called");
        var ended = DateTimeOffset.UtcNow.AddMinutes(-5);

        await host.PublishAsync(new CallLogged
        {
            AgentId = agent.AgentId.ToString(), CallLogId = Guid.NewGuid().ToString(), ClientId = client.ClientId,
            StartedAt = Timestamp.FromDateTimeOffset(ended.AddMinutes(-10)), EndedAt = Timestamp.FromDateTimeOffset(ended),
            Outcome = CallOutcome.CallbackRequested, OutcomeNote = "call after payday",
        });
        var read = await Eventually.ReturnsAsync(async () =>
        {
            var c = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);
            return c.LastContactedAt is null ? null : c;
        });
        var queue = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);
        var history = await host.Clients.ListClientHistoryAsync(new ListClientHistoryRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(ended.ToUnixTimeSeconds(), read.LastContactedAt.Seconds);
        Assert.Equal("callback requested: call after payday", read.LastOutcome);
        Assert.Equal(CallReasonKind.CallbackRequested, Assert.Single(Assert.Single(queue.Entries).Reasons).Kind);
        Assert.Equal(HistoryActor.CallLog, history.Entries[0].Actor);
    }

    [Fact]
    public async Task CallLogged_ForAnotherAgentsClient_ChangesNothing()
    {
        var owner = await host.NewAgentAsync("Event Owner");
        var stranger = await host.NewAgentAsync("Event Stranger");
        var client = await host.CreateClientAsync(owner, "Guarded Gwen");
        var marker = await host.CreateClientAsync(stranger, "Marker Mo");

        await host.PublishAsync(new CallLogged { AgentId = stranger.AgentId.ToString(), CallLogId = "x1", ClientId = client.ClientId, EndedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Outcome = CallOutcome.Reached });
        await host.PublishAsync(new CallLogged { AgentId = stranger.AgentId.ToString(), CallLogId = "x2", ClientId = marker.ClientId, EndedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Outcome = CallOutcome.Reached });
        // Events are handled in order: once the second has landed, the first has been handled too.
        await Eventually.IsTrueAsync(async () =>
            (await host.Clients.GetClientAsync(new GetClientRequest { ClientId = marker.ClientId }, stranger.Bearer, cancellationToken: Cancel)).LastContactedAt is not null);

        var read = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, owner.Bearer, cancellationToken: Cancel);
        Assert.Null(read.LastContactedAt);
    }

    [Fact]
    public async Task CallScheduledRescheduledCancelled_MaintainTheNextCall()
    {
        var agent = await host.NewAgentAsync("Calendar Cleo");
        var client = await host.CreateClientAsync(agent, "Nick Nextcall");
        var eventId = $"evt-{Guid.NewGuid():N}";
        var first = DateTimeOffset.UtcNow.AddDays(2);
        var moved = DateTimeOffset.UtcNow.AddDays(3);

        await host.PublishAsync(Scheduled(agent, eventId, client.ClientId, first));
        var scheduled = await NextCallOnceChangedAsync(agent, client.ClientId, from: null);
        await host.PublishAsync(Rescheduled(agent, eventId, client.ClientId, moved));
        var rescheduled = await NextCallOnceChangedAsync(agent, client.ClientId, from: scheduled);
        await host.PublishAsync(new CallCancelled { AgentId = agent.AgentId.ToString(), EventId = eventId, ClientId = client.ClientId });
        var cancelled = await NextCallOnceChangedAsync(agent, client.ClientId, from: rescheduled);

        Assert.Equal(first.ToUnixTimeSeconds(), scheduled?.Seconds);
        Assert.Equal(moved.ToUnixTimeSeconds(), rescheduled?.Seconds);
        Assert.Null(cancelled);
    }

    [Fact]
    public async Task CallRescheduled_HandledBeforeTheScheduleItFollows_KeepsTheRescheduledTime()
    {
        var agent = await host.NewAgentAsync("Calendar Otto");
        var client = await host.CreateClientAsync(agent, "Olga Overtaken");
        var marker = await host.CreateClientAsync(agent, "Mark Marker");
        var eventId = $"evt-{Guid.NewGuid():N}";
        var first = DateTimeOffset.UtcNow.AddDays(2);
        var moved = DateTimeOffset.UtcNow.AddDays(3);

        // The two travel on different streams: the reschedule can be handled first.
        await host.PublishAsync(Rescheduled(agent, eventId, client.ClientId, moved));
        var rescheduled = await NextCallOnceChangedAsync(agent, client.ClientId, from: null);
        await host.PublishAsync(Scheduled(agent, eventId, client.ClientId, first));
        // Same stream, so once the marker's call is kept, the late schedule has been handled too.
        await host.PublishAsync(Scheduled(agent, $"evt-{Guid.NewGuid():N}", marker.ClientId, first));
        await NextCallOnceChangedAsync(agent, marker.ClientId, from: null);
        var after = (await host.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel)).NextCallAt;

        Assert.Equal(moved.ToUnixTimeSeconds(), rescheduled?.Seconds);
        Assert.Equal(moved.ToUnixTimeSeconds(), after?.Seconds);
    }

    private static CallScheduled Scheduled(SignedInAgent agent, string eventId, string clientId, DateTimeOffset startsAt) =>
        new() { AgentId = agent.AgentId.ToString(), EventId = eventId, ClientId = clientId, StartsAt = Timestamp.FromDateTimeOffset(startsAt) };

    private static CallRescheduled Rescheduled(SignedInAgent agent, string eventId, string clientId, DateTimeOffset startsAt) =>
        new() { AgentId = agent.AgentId.ToString(), EventId = eventId, ClientId = clientId, StartsAt = Timestamp.FromDateTimeOffset(startsAt) };

    /// <summary>The client's next call once an event has changed it from <paramref name="from"/>: waiting for a change, not
    /// for the expected value, so that a wrong value fails its assertion rather than a timeout.</summary>
    private async Task<Timestamp?> NextCallOnceChangedAsync(SignedInAgent agent, string clientId, Timestamp? from)
    {
        Timestamp? nextCall = null;
        await Eventually.IsTrueAsync(async () =>
        {
            nextCall = (await host.Clients.GetClientAsync(new GetClientRequest { ClientId = clientId }, agent.Bearer, cancellationToken: Cancel)).NextCallAt;
            return !Equals(nextCall, from);
        });
        return nextCall;
    }
}
