using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Date = Google.Type.Date;
using TimeOfDay = Google.Type.TimeOfDay;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Tests;

/// <summary>Who needs a call today: the reasons, the ranking, who is left out, and how the agent's settings decide it.</summary>
public sealed class CallQueueTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task ListCallQueue_EachReason_IsShownInWordsAndRanked()
    {
        var agent = await host.NewAgentAsync("Queue Quinn");
        var renewal = await host.CreateClientAsync(agent, "Rita Renewal");
        await host.CreatePolicyAsync(agent, renewal.ClientId, "REN-12", p => p.ExpirationDate = Date(Today.AddDays(12)));
        var lapsed = await host.CreateClientAsync(agent, "Leo Lapsed");
        await host.CreatePolicyAsync(agent, lapsed.ClientId, "LAP-5", p => (p.Status, p.EndDate) = (PolicyStatus.Lapsed, Date(Today.AddDays(-5))));
        var quiet = await host.CreateClientAsync(agent, "Quentin Quiet");
        await SetLastContactedAsync(quiet.ClientId, DateTimeOffset.UtcNow.AddDays(-200));
        var callback = await host.CreateClientAsync(agent, "Cal Callback");
        await SetCallbackAsync(callback.ClientId);
        await host.CreateClientAsync(agent, "Nora Nothing");

        var queue = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(["Cal Callback", "Leo Lapsed", "Rita Renewal", "Quentin Quiet"], queue.Entries.Select(e => e.DisplayName));
        Assert.Equal(
            ["Asked to be called back", "Lapsed 5 days ago (LAP-5)", "Renewal in 12 days (REN-12)", "Not contacted for 200 days"],
            queue.Entries.Select(e => Assert.Single(e.Reasons).Description));
    }

    [Fact]
    public async Task ListCallQueue_DoNotCallOrCallScheduled_IsLeftOut()
    {
        var agent = await host.NewAgentAsync("Queue Exclusions");
        var dnc = await host.CreateClientAsync(agent, "Dana DoNotCall", c => c.DoNotCall = true);
        await host.CreatePolicyAsync(agent, dnc.ClientId, $"D-{Guid.NewGuid():N}", p => p.ExpirationDate = Date(Today.AddDays(3)));
        // Due for the same reason as the two left out: the queue does list this one, so an empty queue cannot pass.
        var due = await host.CreateClientAsync(agent, "Dora Due");
        await host.CreatePolicyAsync(agent, due.ClientId, $"U-{Guid.NewGuid():N}", p => p.ExpirationDate = Date(Today.AddDays(3)));
        var scheduled = await host.CreateClientAsync(agent, "Sasha Scheduled");
        await host.CreatePolicyAsync(agent, scheduled.ClientId, $"S-{Guid.NewGuid():N}", p => p.ExpirationDate = Date(Today.AddDays(3)));
        await host.PublishAsync(new CallScheduled
        {
            AgentId = agent.AgentId.ToString(), EventId = $"evt-{Guid.NewGuid():N}", ClientId = scheduled.ClientId,
            StartsAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)), EndsAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1).AddMinutes(30)),
        });
        await Eventually.IsTrueAsync(async () =>
            (await host.Clients.GetClientAsync(new GetClientRequest { ClientId = scheduled.ClientId }, agent.Bearer, cancellationToken: Cancel)).NextCallAt is not null);

        var queue = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(["Dora Due"], queue.Entries.Select(e => e.DisplayName));
    }

    [Fact]
    public async Task ListCallQueue_RenewalWindowSetting_DecidesWhoIsDue()
    {
        var agent = await host.NewAgentAsync("Window Walt");
        var client = await host.CreateClientAsync(agent, "Wendy Window");
        await host.CreatePolicyAsync(agent, client.ClientId, $"W-{Guid.NewGuid():N}", p => p.ExpirationDate = Date(Today.AddDays(60)));
        var before = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        var defaults = await host.Settings.GetBookSettingsAsync(new GetBookSettingsRequest(), agent.Bearer, cancellationToken: Cancel);
        var settings = defaults.Clone();
        settings.RenewalWindowDays = 90;
        await host.Settings.UpdateBookSettingsAsync(new UpdateBookSettingsRequest { Settings = settings }, agent.Bearer, cancellationToken: Cancel);
        var stored = await host.Settings.GetBookSettingsAsync(new GetBookSettingsRequest(), agent.Bearer, cancellationToken: Cancel);
        var after = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal((45, 180, "UTC", "US"), (defaults.RenewalWindowDays, defaults.ContactIntervalDays, defaults.TimeZone, defaults.DefaultRegion));
        Assert.Equal(90, stored.RenewalWindowDays);
        Assert.Empty(before.Entries);
        Assert.Equal("Renewal in 60 days", Assert.Single(Assert.Single(after.Entries).Reasons).Description.Split(" (")[0]);
    }

    [Fact]
    public async Task ListCallQueue_ManyClients_PagesThroughEachOnce()
    {
        var agent = await host.NewAgentAsync("Queue Pager");
        var old = DateTimeOffset.UtcNow.AddDays(-400);
        var clients = Enumerable.Range(0, 7).Select(i => new Service.Clients.Client { AgentId = agent.AgentId, DisplayName = $"Quiet {i}", LastContactedAt = old.AddDays(i) }).ToArray();
        await host.AddAsync(clients);

        var listed = await Pages.ReadFromAsync("",
            token => host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest { PageSize = 3, PageToken = token }, agent.Bearer, cancellationToken: Cancel).ResponseAsync,
            page => page.Entries, page => page.NextPageToken);

        Assert.Equal(clients.Select(c => c.Id.ToString()).Order(), listed.Select(e => e.ClientId).Order());
    }

    [Fact]
    public async Task ListCallQueue_AfterTheBookChanges_ShowsItAsItIsNow()
    {
        var agent = await host.NewAgentAsync("Queue Changes");
        var deleted = await host.CreateClientAsync(agent, "Della Deleted");
        await host.CreatePolicyAsync(agent, deleted.ClientId, $"D-{Guid.NewGuid():N}", p => p.ExpirationDate = Date(Today.AddDays(10)));
        var barred = await host.CreateClientAsync(agent, "Bart Barred");
        await host.CreatePolicyAsync(agent, barred.ClientId, $"B-{Guid.NewGuid():N}", p => p.ExpirationDate = Date(Today.AddDays(20)));
        var lapsing = await host.CreateClientAsync(agent, "Lana Lapsing");
        var before = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        await host.Clients.DeleteClientAsync(new DeleteClientRequest { ClientId = deleted.ClientId }, agent.Bearer, cancellationToken: Cancel);
        // Straight to the database: the ranking follows every write, not only the API's.
        await host.QueryAsync(db => db.Clients.Where(c => c.Id == Guid.Parse(barred.ClientId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.DoNotCall, true), Cancel));
        await host.CreatePolicyAsync(agent, lapsing.ClientId, "LAP-2", p => (p.Status, p.EndDate) = (PolicyStatus.Lapsed, Date(Today.AddDays(-2))));
        var after = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(["Della Deleted", "Bart Barred"], before.Entries.Select(e => e.DisplayName));
        Assert.Equal("Lapsed 2 days ago (LAP-2)", Assert.Single(Assert.Single(after.Entries).Reasons).Description);
    }

    [Fact]
    public async Task ListCallQueue_NewDay_RanksTheBookAgain()
    {
        var agent = await host.NewAgentAsync("Queue Tomorrow");
        var client = await host.CreateClientAsync(agent, "Ted Tomorrow");
        await host.CreatePolicyAsync(agent, client.ClientId, "REN-12-NEW-DAY", p => p.ExpirationDate = Date(Today.AddDays(12)));
        await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        // As if the ranking had been made yesterday, when the renewal was a day further off.
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE call_queue_rankings SET ranked_on = ranked_on - 1 WHERE agent_id = {agent.AgentId};
            UPDATE call_queue_entries SET renewal_days = 13 WHERE agent_id = {agent.AgentId};
            """, Cancel));
        var queue = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("Renewal in 12 days (REN-12-NEW-DAY)", Assert.Single(Assert.Single(queue.Entries).Reasons).Description);
    }

    [Fact]
    public async Task ListCallQueue_NothingChanged_ReadsTheRankingWithoutRankingAgain()
    {
        var agent = await host.NewAgentAsync("Queue Steady");
        var client = await host.CreateClientAsync(agent, "Stella Steady");
        await host.CreatePolicyAsync(agent, client.ClientId, "REN-12-STEADY", p => p.ExpirationDate = Date(Today.AddDays(12)));
        await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        // Written behind the ranking's back (no client or policy changed): only a ranking that is read, not made again, shows it.
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE call_queue_entries SET renewal_days = 13 WHERE agent_id = {agent.AgentId}", Cancel));
        var queue = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("Renewal in 13 days (REN-12-STEADY)", Assert.Single(Assert.Single(queue.Entries).Reasons).Description);
    }

    [Fact]
    public async Task ListCallQueue_ScheduledCallTimeHasPassed_ClientIsBack()
    {
        var agent = await host.NewAgentAsync("Queue Past Call");
        var client = await host.CreateClientAsync(agent, "Paula Past");
        await host.CreatePolicyAsync(agent, client.ClientId, $"P-{Guid.NewGuid():N}", p => p.ExpirationDate = Date(Today.AddDays(3)));
        await host.PublishAsync(new CallScheduled
        {
            AgentId = agent.AgentId.ToString(), EventId = $"evt-{Guid.NewGuid():N}", ClientId = client.ClientId,
            StartsAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-2)), EndsAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)),
        });
        await Eventually.IsTrueAsync(() => host.QueryAsync(db => db.ScheduledCalls.AnyAsync(s => s.ClientId == Guid.Parse(client.ClientId), Cancel)));

        var queue = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("Paula Past", Assert.Single(queue.Entries).DisplayName);
    }

    private Task SetLastContactedAsync(string clientId, DateTimeOffset at) =>
        host.QueryAsync(db => db.Clients.Where(c => c.Id == Guid.Parse(clientId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactedAt, at), Cancel));

    private Task SetCallbackAsync(string clientId) =>
        host.QueryAsync(db => db.Clients.Where(c => c.Id == Guid.Parse(clientId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CallbackRequestedAt, DateTimeOffset.UtcNow).SetProperty(c => c.LastContactedAt, DateTimeOffset.UtcNow), Cancel));

    private static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
