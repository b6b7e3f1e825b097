using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Sync;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using CalendarEventsClient = AgentCalls.Contracts.Calendar.V1.CalendarEvents.CalendarEventsClient;
using FreeSlotsClient = AgentCalls.Contracts.Calendar.V1.FreeSlots.FreeSlotsClient;
using ScheduledCallsClient = AgentCalls.Contracts.Calendar.V1.ScheduledCalls.ScheduledCallsClient;
using SyncClient = AgentCalls.Contracts.Calendar.V1.Sync.SyncClient;

namespace AgentCalls.Calendar.Tests.WithGoogle;

/// <summary>
/// Calendar.Service with Google Calendar against the fake: Identity in Production with Google (and Calendar's own
/// client), the real Clients.Service, and Calendar on real ports (so the fake's push notifications reach it),
/// syncing with its own service token. Subclasses choose polling or push. Agents connect Google as in the app.
/// </summary>
public abstract class GoogleCalendarSystem(CalendarServiceHost shared) : IAsyncLifetime
{
    private WebApplicationFactory<CalendarDbContext> calendar = null!;

    public GoogleFake Google { get; private set; } = null!;

    public IdentityServerInstance Identity { get; private set; } = null!;

    public ClientsServer ClientsServer { get; private set; } = null!;

    public GrpcChannel IdentityChannel { get; private set; } = null!;

    public GrpcChannel CalendarChannel { get; private set; } = null!;

    /// <summary>The calendar service's HTTP/1.1 address (the feed, Google's notifications).</summary>
    public Uri CalendarHttp { get; private set; } = null!;

    public CalendarEventsClient Events => new(CalendarChannel);

    public ScheduledCallsClient Calls => new(CalendarChannel);

    public FreeSlotsClient FreeSlots => new(CalendarChannel);

    public SyncClient Sync => new(CalendarChannel);

    public IServiceProvider Services => calendar.Services;

    /// <summary>Events per page asked of Google: small, so a few dozen events take several pages.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// How long background work (an event relayed, a sync) may take: a fixture's first sync waits for cold starts
    /// (the service token, Identity's first token requests), which take tens of seconds on a loaded 2-core machine.
    /// </summary>
    private static readonly TimeSpan BackgroundWork = TimeSpan.FromMinutes(1);

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        Google = GoogleFake.Start();
        Identity = IdentityServerInstance.Start(await shared.Servers.CreateDatabaseAsync("identity_gcal"), shared.Servers.RedisConnectionString, "Production", Google.IdentitySettings());
        await Google.RegisterClientAsync(new Uri(Identity.Issuer, "callback/google"));
        IdentityChannel = GrpcChannel.ForAddress(Identity.GrpcAddress);
        ClientsServer = await ClientsServer.StartAsync(shared.Servers, Identity.Issuer);

        var database = await shared.Servers.CreateDatabaseAsync("calendar_gcal");
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        CalendarHttp = new Uri($"http://127.0.0.1:{httpPort}/");
        calendar = new WebApplicationFactory<CalendarDbContext>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("ConnectionStrings:calendardb", database);
            host.UseSetting("ConnectionStrings:redis", shared.Servers.RedisConnectionString);
            host.UseSetting("Auth:Issuer", Identity.Issuer.ToString());
            host.UseSetting("Kestrel:Endpoints:http:Url", CalendarHttp.ToString().TrimEnd('/'));
            host.UseSetting("Kestrel:Endpoints:grpc:Url", $"http://127.0.0.1:{grpcPort}");
            host.UseSetting("services:identity:grpc:0", Identity.GrpcAddress.ToString());
            host.UseSetting("services:clients:grpc:0", ClientsServer.GrpcAddress.ToString());
            host.UseSetting("Eventing:ServiceName", $"calendar-google-tests-{Guid.NewGuid():N}");
            host.UseSetting("Calendar:ServiceClientSecret", IdentityServerInstance.CalendarServiceSecret);
            host.UseSetting("Calendar:GoogleApiBaseUrl", Google.Authority.ToString());
            host.UseSetting("Calendar:AppBaseUrl", CalendarServiceHost.AppBaseUrl.ToString());
            host.UseSetting("Calendar:GooglePageSize", PageSize.ToString());
            host.UseSetting("Calendar:MaxInlineRetryAfter", "00:00:05");
            // One test's scripted Google faults must not open the circuit for the tests that share this system after it.
            host.UseSetting("Calendar:GoogleCircuit:MinimumThroughput", "100000");
            host.UseSetting("Calendar:SchedulerInterval", "00:00:00.100");
            // Tests decide when a sync runs and ask back to back; the cooldown has a test of its own.
            host.UseSetting("Calendar:SyncNowCooldown", "00:00:00");
            foreach (var (key, value) in Settings)
            {
                host.UseSetting(key, value);
            }
        });
        calendar.UseKestrel();
        calendar.StartServer();
        CalendarChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    }

    /// <summary>A new agent, signed in with a new Google account that connected Google Calendar, its first sync done.</summary>
    public Task<(FakeUser User, SignedInAgent Agent)> ConnectedAgentAsync(string name, Func<FakeUser, Task>? beforeConnecting = null) =>
        ConnectedAgentAsync(name, beforeConnecting, s => s is { State: SyncState.Synced, LastSyncedAt: not null });

    /// <summary>A new agent that connected Google Calendar, once its first sync has reached <paramref name="until"/>.</summary>
    public async Task<(FakeUser User, SignedInAgent Agent)> ConnectedAgentAsync(string name, Func<FakeUser, Task>? beforeConnecting, Func<SyncStatus, bool> until)
    {
        var cancel = TestContext.Current.CancellationToken;
        var user = await Google.AddUserAsync(name);
        await Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject });
        var agent = await IdentityHost.SignInAsync(Identity.Issuer, user.Name, user.Email, cancel);
        if (beforeConnecting is not null)
        {
            await beforeConnecting(user);
        }

        await GoogleCalendarConnect.ConnectAsync(IdentityChannel, Identity.Issuer, agent, user, cancel);
        await Eventually.IsTrueAsync(async () => until(await StatusAsync(agent)), BackgroundWork);
        return (user, agent);
    }

    /// <summary>Expires every page token the fake handed out for the account, as Google may.</summary>
    public async Task ExpirePageTokensAsync(FakeUser user)
    {
        using var control = new HttpClient { BaseAddress = Google.Authority };
        using var response = await control.PostAsync($"__fake/calendar/{user.Subject}/expire-page-tokens", null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<SyncStatus> StatusAsync(SignedInAgent agent) =>
        await Sync.GetSyncStatusAsync(new(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Waits until the agent's sync is in <paramref name="state"/>; returns the status then.</summary>
    public Task<SyncStatus> WaitForStateAsync(SignedInAgent agent, SyncState state) =>
        Eventually.ReturnsAsync(async () => await StatusAsync(agent) is { } status && status.State == state ? status : null, BackgroundWork);

    /// <summary>Asks for a sync now and waits until one that started after the ask has finished; returns the status then.</summary>
    public async Task<SyncStatus> SyncNowAsync(SignedInAgent agent)
    {
        // A run already under way (a retry the worker scheduled) would otherwise finish after the ask and pass for it.
        await Eventually.IsTrueAsync(async () => await SyncIsIdleSinceAsync(agent, DateTimeOffset.MinValue), BackgroundWork);
        var asked = DateTimeOffset.UtcNow;
        await Sync.SyncNowAsync(new(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.IsTrueAsync(async () => await SyncIsIdleSinceAsync(agent, asked), BackgroundWork);
        return await StatusAsync(agent);
    }

    private async Task<bool> SyncIsIdleSinceAsync(SignedInAgent agent, DateTimeOffset since) =>
        await Services.QueryAsync<CalendarDbContext, GoogleSync?>(db => db.GoogleSyncs.AsNoTracking().FirstOrDefaultAsync(s => s.AgentId == agent.AgentId))
            is not { } row || (row.LeaseUntil is null && row.UpdatedAt > since);

    public Task<GoogleSync> SyncRowAsync(SignedInAgent agent) =>
        Services.QueryAsync<CalendarDbContext, GoogleSync>(db => db.GoogleSyncs.AsNoTracking().FirstAsync(s => s.AgentId == agent.AgentId));

    public async Task<List<CalendarEvent>> EventsAsync(SignedInAgent agent) =>
        [.. (await Events.ListEventsAsync(new()
        {
            StartTime = global::Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-60)),
            EndTime = global::Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(300)),
        }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken)).Events];

    public async ValueTask DisposeAsync()
    {
        CalendarChannel?.Dispose();
        IdentityChannel?.Dispose();
        if (calendar is not null)
        {
            await calendar.DisposeAsync();
        }

        if (ClientsServer is not null)
        {
            await ClientsServer.DisposeAsync();
        }

        await Identity.DisposeAsync();
        await Google.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Syncs only when asked (SyncNow) or when Google is connected: every test decides when a sync runs.</summary>
public sealed class ManualGoogleCalendar(CalendarServiceHost shared) : GoogleCalendarSystem(shared)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Calendar:PollInterval"] = "01:00:00" };
}

/// <summary>As <see cref="ManualGoogleCalendar"/>, with a circuit that opens after 5 failed attempts and breaks for 3 s.</summary>
public sealed class CircuitGoogleCalendar(CalendarServiceHost shared) : GoogleCalendarSystem(shared)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Calendar:PollInterval"] = "01:00:00",
        ["Calendar:GoogleCircuit:MinimumThroughput"] = "5",
        ["Calendar:GoogleCircuit:BreakDuration"] = "00:00:03",
    };
}

/// <summary>Polls every second, with no push notifications; "Sync now" has a ten-minute cooldown.</summary>
public sealed class PolledGoogleCalendar(CalendarServiceHost shared) : GoogleCalendarSystem(shared)
{
    public static readonly TimeSpan SyncNowCooldown = TimeSpan.FromMinutes(10);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Calendar:PollInterval"] = "00:00:01",
        ["Calendar:SyncNowCooldown"] = SyncNowCooldown.ToString(),
    };
}

/// <summary>
/// Push notifications to Calendar's own address; channels live a minute and are replaced when under 58 s are left,
/// so a sync a few seconds later renews its channel.
/// </summary>
public sealed class PushedGoogleCalendar(CalendarServiceHost shared) : GoogleCalendarSystem(shared)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Calendar:PollInterval"] = "01:00:00",
        ["Calendar:WatchedPollInterval"] = "01:00:00",
        ["Calendar:PublicWebhookBaseUrl"] = CalendarHttp.ToString(),
        ["Calendar:ChannelTtl"] = "00:01:00",
        ["Calendar:ChannelRenewBefore"] = "00:00:58",
    };
}
