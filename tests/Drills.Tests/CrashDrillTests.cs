using AgentCalls.TestSupport;
using static AgentCalls.Drills.Tests.SystemQueries;

namespace AgentCalls.Drills.Tests;

/// <summary>
/// Nothing acknowledged is lost: under a steady load of writes through the gateway, each service, the gateway and then
/// Postgres itself is killed with SIGKILL and started again; afterwards every write answered with success is there
/// once, every event reached the service that keeps its copy, and the call queue agrees with the data.
/// </summary>
public sealed class CrashDrillTests(DrillSystem system)
{
    /// <summary>In the order killed; Postgres last, so the services' recovery from losing it is the final check.</summary>
    public static readonly string[] Victims = ["clients", "calendar", "identity", "gateway", "conversation", "transcription", "postgres"];

    private static readonly string[] Databases = ["identitydb", "clientsdb", "calendardb", "conversationdb", "transcriptiondb"];

    [Fact]
    public async Task Crash_EachProcessKilledUnderLoad_EveryAcknowledgedWriteIsKeptOnceAndEveryEventHandled()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var browser = await system.SignedInBrowserAsync("Drill Agent", cancellationToken);
        var load = new WriteLoad(browser, await FreeSlotsAsync(browser, cancellationToken));
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);

        await load.WaitForMoreAsync(5, cancellationToken);
        foreach (var victim in Victims)
        {
            TestContext.Current.SendDiagnosticMessage($"Killing {victim} after {load.Acknowledged} acknowledged writes");
            await system.CrashAndRestartAsync(victim, cancellationToken);
            // Writes go through again with no one's help: the system recovered by itself.
            await load.WaitForMoreAsync(3, cancellationToken);
        }

        await stop.CancelAsync();
        await running;
        // In the test's output too, which runners show (diagnostic messages only when switched on in configuration).
        var summary = $"Crash drill: {load.Acknowledged} writes acknowledged, {load.Failures} refused or unanswered while processes were down.";
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);

        var agent = browser.AgentId;
        var clientsDb = await system.ConnectionStringAsync("clientsdb", cancellationToken);
        var storedClients = await ReadAsync(clientsDb, "SELECT id::text, display_name FROM clients WHERE agent_id = @agent", agent,
            r => (Id: r.GetString(0), Name: r.GetString(1)));
        var stored = storedClients.ToDictionary(c => c.Id, c => c.Name);
        Assert.All(load.Clients, acknowledged => Assert.Equal(acknowledged.Value, stored.GetValueOrDefault(acknowledged.Key)));
        Assert.Equal(storedClients.Count, storedClients.Select(c => c.Name).Distinct().Count());
        Assert.Subset(load.AttemptedNames.ToHashSet(), storedClients.Select(c => c.Name).ToHashSet());

        var storedPolicies = (await ReadAsync(clientsDb, "SELECT id::text FROM policies WHERE agent_id = @agent", agent, r => r.GetString(0))).ToHashSet();
        Assert.Subset(storedPolicies, load.Policies.Keys.ToHashSet());

        // Every event each service committed left its outbox, and Clients holds exactly Calendar's scheduled calls.
        foreach (var database in Databases)
        {
            var connectionString = await system.ConnectionStringAsync(database, cancellationToken);
            await Eventually.IsTrueAsync(async () => (await ReadAsync(connectionString,
                "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL", null, r => r.GetInt64(0)))[0] == 0,
                DrillSystem.Patience);
        }

        var calendarCalls = await Eventually.ReturnsAsync(async () => await CalendarCallsAsync(browser, cancellationToken), DrillSystem.Patience);
        Assert.Subset(calendarCalls.Keys.ToHashSet(), load.Calls.Keys.ToHashSet());
        var heardOf = await Eventually.ReturnsAsync(async () =>
        {
            var rows = await ReadAsync(clientsDb, "SELECT event_id, client_id::text FROM scheduled_calls WHERE agent_id = @agent", agent,
                r => (EventId: r.GetString(0), ClientId: r.GetString(1)));
            return rows.Count == calendarCalls.Count ? rows : null;
        }, DrillSystem.Patience);
        Assert.Equal(calendarCalls.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)), heardOf.OrderBy(c => c.EventId).Select(c => (c.EventId, c.ClientId)));

        // The call queue: every client with a policy renewing soon, except those with a call ahead.
        var policyHolders = (await ReadAsync(clientsDb, "SELECT DISTINCT client_id::text FROM policies WHERE agent_id = @agent", agent, r => r.GetString(0))).ToHashSet();
        var expectedQueue = policyHolders.Except(calendarCalls.Values).Order().ToList();
        Assert.NotEmpty(expectedQueue);
        Assert.Equal(expectedQueue, (await CallQueueAsync(browser, cancellationToken)).Order().ToList());
    }
}
