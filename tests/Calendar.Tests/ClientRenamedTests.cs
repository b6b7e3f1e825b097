using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;

namespace AgentCalls.Calendar.Tests;

/// <summary>A client renamed in the book is renamed on the calendar's calls with them.</summary>
public sealed class ClientRenamedTests(CalendarServiceHost host)
{
    /// <summary>
    /// This host's consumer group is new, so it reads the ClientUpdated stream from its start: only this assembly's
    /// own events, since each test assembly has a Redis database of its own (<see cref="DatabaseServers"/>). A minute
    /// covers a consumer sharing two cores with another test module.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientUpdated_DisplayNameChanged_RenamesTheClientOnTheirCalls()
    {
        var (agent, call) = await ScheduledAsync("Rena Renamer", "Old Name", TestDays.Monday().AddHours(11));

        await host.Services.PublishEventAsync(Renamed(agent.AgentId, call.ClientId, "New Name", ["displayName", "email"]));
        var renamed = await Eventually.ReturnsAsync(async () => (await ListDayAsync(agent)).SingleOrDefault(e => e.ClientName == "New Name"), Patience);

        Assert.Equal(call.EventId, renamed.EventId);
    }

    [Fact]
    public async Task ClientUpdated_OtherFieldsOrAnotherAgent_LeavesTheNameAsItWas()
    {
        var (owner, call) = await ScheduledAsync("Owner Olli", "Kept Name", TestDays.Monday().AddHours(12));
        var (stranger, marker) = await ScheduledAsync("Stranger Stan", "Marker Name", TestDays.Monday().AddHours(12));

        await host.Services.PublishEventAsync(Renamed(owner.AgentId, call.ClientId, "Not A Rename", ["email"]));
        await host.Services.PublishEventAsync(Renamed(stranger.AgentId, call.ClientId, "Stolen Name", ["displayName"]));
        await host.Services.PublishEventAsync(Renamed(stranger.AgentId, marker.ClientId, "Marker Renamed", ["displayName"]));
        // Events are handled in order: once the last has landed, the others have been handled too.
        await Eventually.IsTrueAsync(async () => (await ListDayAsync(stranger)).Any(e => e.ClientName == "Marker Renamed"), Patience);

        Assert.Equal("Kept Name", Assert.Single(await ListDayAsync(owner)).ClientName);
    }

    private static ClientUpdated Renamed(Guid agentId, string clientId, string name, string[] fields) => new()
    {
        AgentId = agentId.ToString(), ClientId = clientId, Change = ChangeKind.Updated, ChangedFields = { fields }, DisplayName = name,
    };

    private async Task<IReadOnlyList<CalendarEvent>> ListDayAsync(SignedInAgent agent) =>
        (await host.ListAsync(agent, TestDays.Monday(), TestDays.Monday().AddDays(1))).Events;

    private async Task<(SignedInAgent Agent, CalendarEvent Call)> ScheduledAsync(string name, string clientName, DateTimeOffset start)
    {
        var agent = await host.SignInAsync(name, cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, clientName);
        return (agent, await host.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, start)));
    }
}
