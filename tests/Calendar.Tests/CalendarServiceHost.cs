using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Hosting;
using CalendarEventsClient = AgentCalls.Contracts.Calendar.V1.CalendarEvents.CalendarEventsClient;
using FeedClient = AgentCalls.Contracts.Calendar.V1.Feed.FeedClient;
using FreeSlotsClient = AgentCalls.Contracts.Calendar.V1.FreeSlots.FreeSlotsClient;
using ScheduledCallsClient = AgentCalls.Contracts.Calendar.V1.ScheduledCalls.ScheduledCallsClient;
using SettingsClient = AgentCalls.Contracts.Calendar.V1.Settings.SettingsClient;
using SyncClient = AgentCalls.Contracts.Calendar.V1.Sync.SyncClient;

namespace AgentCalls.Calendar.Tests;

/// <summary>
/// Calendar.Service on its own database, with the real Identity and the real Clients.Service, for this test
/// assembly. No agent here connects Google: new calls go to the local calendar.
/// </summary>
public sealed class CalendarServiceHost() : ServiceHost<CalendarDbContext>("calendardb")
{
    /// <summary>A fixed day the tests place their events on (each test has its own agent).</summary>
    public static readonly DateTimeOffset Day = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static readonly Uri AppBaseUrl = new("https://app.agentcalls.test/");

    public ClientsServer ClientsServer { get; private set; } = null!;

    public CalendarEventsClient Events => new(Channel);

    public ScheduledCallsClient Calls => new(Channel);

    public FreeSlotsClient FreeSlots => new(Channel);

    public SettingsClient Settings => new(Channel);

    public SyncClient Sync => new(Channel);

    public FeedClient Feed => new(Channel);

    protected override async Task BeforeServiceStartsAsync() => ClientsServer = await ClientsServer.StartAsync(Servers, Issuer);

    protected override void ConfigureService(IWebHostBuilder host)
    {
        host.UseSetting("services:identity:grpc:0", Instance.GrpcAddress.ToString());
        host.UseSetting("services:clients:grpc:0", ClientsServer.GrpcAddress.ToString());
        host.UseSetting("Calendar:ServiceClientSecret", IdentityServerInstance.CalendarServiceSecret);
        host.UseSetting("Calendar:AppBaseUrl", AppBaseUrl.ToString());
        host.UseSetting("Eventing:ServiceName", $"calendar-tests-{Guid.NewGuid():N}");
    }

    /// <summary>Adds events of <paramref name="agent"/> straight to the service's cache, titled and timed as given.</summary>
    public async Task<CachedEvent[]> AddEventsAsync(SignedInAgent agent, params (string Title, DateTimeOffset Start, DateTimeOffset End)[] events)
    {
        var rows = events.Select(e => new CachedEvent { AgentId = agent.AgentId, Provider = "local", Title = e.Title, StartsAt = e.Start, EndsAt = e.End }).ToArray();
        await Services.AddRowsAsync<CalendarDbContext>(rows, TestContext.Current.CancellationToken);
        return rows;
    }

    public Task<ListEventsResponse> ListAsync(SignedInAgent agent, DateTimeOffset start, DateTimeOffset end) =>
        ListAsync(agent, new ListEventsRequest { StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(end) });

    public async Task<ListEventsResponse> ListAsync(SignedInAgent agent, ListEventsRequest request) =>
        await Events.ListEventsAsync(request, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (ClientsServer is not null)
        {
            await ClientsServer.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
