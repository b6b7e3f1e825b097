using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Grpc.Core;
using static AgentCalls.Calendar.Tests.CalendarServiceHost;

namespace AgentCalls.Calendar.Tests;

public sealed class ListEventsTests(CalendarServiceHost host)
{
    [Fact]
    public async Task ListEvents_WithoutAToken_IsUnauthenticated() =>
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () =>
            host.Events.ListEventsAsync(new ListEventsRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task ListEvents_NewAgent_ReturnsNoEvents()
    {
        var agent = await host.SignInAsync("Nina New", cancellationToken: TestContext.Current.CancellationToken);

        var response = await host.ListAsync(agent, Day, Day.AddDays(366));

        Assert.Empty(response.Events);
    }

    [Fact]
    public async Task ListEvents_TwoAgentsWithEventsAtTheSameTime_EachSeesOnlyTheirOwn()
    {
        var ann = await host.SignInAsync("Ann Booked", cancellationToken: TestContext.Current.CancellationToken);
        var bob = await host.SignInAsync("Bob Booked", cancellationToken: TestContext.Current.CancellationToken);
        var annsEvents = await host.AddEventsAsync(ann, ("Ann's call", Day.AddHours(9), Day.AddHours(10)));
        var bobsEvents = await host.AddEventsAsync(bob, ("Bob's call", Day.AddHours(9), Day.AddHours(10)), ("Bob's lunch", Day.AddHours(12), Day.AddHours(13)));

        var annSees = await host.ListAsync(ann, Day, Day.AddDays(1));
        var bobSees = await host.ListAsync(bob, Day, Day.AddDays(1));

        Assert.Equal(annsEvents.Select(e => e.Id.ToString()), annSees.Events.Select(e => e.EventId));
        Assert.Equal(bobsEvents.Select(e => e.Id.ToString()), bobSees.Events.Select(e => e.EventId));
    }

    [Fact]
    public async Task ListEvents_ScheduledCallAndPlainEvent_MapsProviderClientAndTimes()
    {
        var agent = await host.SignInAsync("Max Mapper", cancellationToken: TestContext.Current.CancellationToken);
        var clientId = Guid.NewGuid();
        var call = new CachedEvent { AgentId = agent.AgentId, Provider = "google", Title = "Renewal call", ClientId = clientId, StartsAt = Day.AddHours(9), EndsAt = Day.AddHours(9.5) };
        var lunch = new CachedEvent { AgentId = agent.AgentId, Provider = "local", Title = "Lunch", StartsAt = Day.AddHours(12), EndsAt = Day.AddHours(13) };
        await host.Services.AddRowsAsync<CalendarDbContext>([lunch, call], TestContext.Current.CancellationToken);

        var events = (await host.ListAsync(agent, Day, Day.AddDays(1))).Events;

        Assert.Equal(
            [("Renewal call", "google", clientId.ToString(), Day.AddHours(9), Day.AddHours(9.5)), ("Lunch", "local", "", Day.AddHours(12), Day.AddHours(13))],
            events.Select(e => (e.Title, e.Provider, e.ClientId, e.StartTime.ToDateTimeOffset(), e.EndTime.ToDateTimeOffset())));
    }

    [Fact]
    public async Task ListEvents_MoreThanAPage_PagesInStartOrder_WithEventsAtTheSameTimeNeitherLostNorRepeated()
    {
        var agent = await host.SignInAsync("Pia Pages", cancellationToken: TestContext.Current.CancellationToken);
        var added = await host.AddEventsAsync(agent,
            ("First", Day.AddHours(8), Day.AddHours(9)),
            ("Same time A", Day.AddHours(9), Day.AddHours(10)),
            ("Same time B", Day.AddHours(9), Day.AddHours(10)),
            ("Same time C", Day.AddHours(9), Day.AddHours(10)),
            ("Last", Day.AddHours(15), Day.AddHours(16)));

        var seen = new List<string>();
        var pages = 0;
        var request = new ListEventsRequest { StartTime = Timestamp(Day), EndTime = Timestamp(Day.AddDays(1)), PageSize = 2 };
        do
        {
            var page = await host.ListAsync(agent, request);
            Assert.InRange(page.Events.Count, 1, 2);
            seen.AddRange(page.Events.Select(e => e.EventId));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(added.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Select(e => e.Id.ToString()), seen);
    }

    [Fact]
    public async Task ListEvents_PageSizeOverTheMaximumOrAForeignPageToken_IsRefusedNamingTheField()
    {
        var agent = await host.SignInAsync("Fay Fields", cancellationToken: TestContext.Current.CancellationToken);
        var range = new ListEventsRequest { StartTime = Timestamp(Day), EndTime = Timestamp(Day.AddDays(1)) };

        var tooMany = await RpcAssert.InvalidArgumentAsync(() => host.ListAsync(agent, new ListEventsRequest(range) { PageSize = EventListing.MaximumPageSize + 1 }));
        var forged = await RpcAssert.InvalidArgumentAsync(() => host.ListAsync(agent, new ListEventsRequest(range) { PageToken = "not-a-token" }));

        Assert.Equal(["pageSize"], tooMany);
        Assert.Equal(["pageToken"], forged);
    }

    private static Google.Protobuf.WellKnownTypes.Timestamp Timestamp(DateTimeOffset time) => Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time);
}
