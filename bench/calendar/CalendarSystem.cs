using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;
using Grpc.Net.Client;
using Npgsql;

namespace AgentCalls.Bench.Calendar;

/// <summary>
/// What the benchmark runs on: a throwaway Postgres and Redis (TestSupport's), the local fake of Google (OAuth and
/// Calendar v3) and the real Identity in Production with Google, both in this process, and two Calendar.Service
/// processes (Release) on one calendardb. The first syncs (it has Calendar's client secret at Identity) and caches
/// busy times in Redis; the second has no secret, so it never syncs, and runs with Calendar:CacheFreeBusy=false.
/// Both poll Google only hourly: every sync here is one the benchmark asked for.
/// </summary>
public sealed class CalendarSystem : IAsyncDisposable
{
    private readonly DatabaseServers servers = new();
    private readonly List<GrpcChannel> channels = [];

    private CalendarSystem()
    {
    }

    public GoogleFake Google { get; private set; } = null!;

    public IdentityServerInstance Identity { get; private set; } = null!;

    public ServiceProcess Cached { get; private set; } = null!;

    public ServiceProcess Uncached { get; private set; } = null!;

    public GrpcChannel IdentityChannel { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public static Task<CalendarSystem> StartAsync() => SystemStart.OrDisposeAsync(new CalendarSystem(), system => system.StartProcessesAsync());

    /// <summary>The free slots of one of the Calendar processes, over gRPC.</summary>
    public Contracts.Calendar.V1.FreeSlots.FreeSlotsClient FreeSlotsOf(ServiceProcess process) => new(ChannelTo(process));

    /// <summary>The sync of one of the Calendar processes, over gRPC.</summary>
    public Contracts.Calendar.V1.Sync.SyncClient SyncOf(ServiceProcess process) => new(ChannelTo(process));

    private GrpcChannel ChannelTo(ServiceProcess process)
    {
        var channel = GrpcChannel.ForAddress(process.Ports.Grpc);
        channels.Add(channel);
        return channel;
    }

    private async Task StartProcessesAsync()
    {
        await servers.InitializeAsync();
        // No line per request: the fake runs in this process, and its logging would cost the measured side time.
        Google = GoogleFake.Start(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" });
        Identity = await BenchIdentity.StartAsync(servers, "Production", Google.IdentitySettings());
        await Google.RegisterClientAsync(new Uri(Identity.Issuer, "callback/google"));
        IdentityChannel = GrpcChannel.ForAddress(Identity.GrpcAddress);

        var calendardb = await servers.CreateDatabaseAsync("calendar");
        Database = NpgsqlDataSource.Create(calendardb);
        // Started one after the other: the first applies the migrations, the second finds them applied.
        Cached = await StartCalendarAsync(calendardb, cacheFreeBusy: true, IdentityServerInstance.CalendarServiceSecret);
        Uncached = await StartCalendarAsync(calendardb, cacheFreeBusy: false, serviceSecret: "");
    }

    private Task<ServiceProcess> StartCalendarAsync(string calendardb, bool cacheFreeBusy, string serviceSecret) =>
        ServiceProcess.StartAsync("Calendar.Service", [
            new("ConnectionStrings__calendardb", calendardb),
            new("ConnectionStrings__redis", servers.RedisConnectionString),
            new("Auth__Issuer", Identity.Issuer.ToString()),
            new("services__identity__grpc__0", Identity.GrpcAddress.ToString()),
            // Only scheduling a call reads the client from Clients.Service, and nothing here schedules one.
            new("services__clients__grpc__0", $"http://127.0.0.1:{FreePort.Next()}"),
            new("Eventing__ServiceName", cacheFreeBusy ? "calendar" : "calendar-uncached"),
            new("Calendar__ServiceClientSecret", serviceSecret),
            new("Calendar__GoogleApiBaseUrl", Google.Authority.ToString()),
            new("Calendar__PollInterval", "01:00:00"),
            new("Calendar__SchedulerInterval", "00:00:00.100"),
            // The incremental rounds ask for SyncNow back to back, sooner than an agent may.
            new("Calendar__SyncNowCooldown", "00:00:00"),
            // 10,000 events an hour apart reach 387 days ahead: the sync window must hold them all.
            new("Calendar__FutureDays", "400"),
            new("Calendar__CacheFreeBusy", cacheFreeBusy ? "true" : "false"),
        ]);

    public async ValueTask DisposeAsync()
    {
        channels.ForEach(c => c.Dispose());
        IdentityChannel?.Dispose();
        foreach (var process in new[] { Uncached, Cached })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        if (Google is not null)
        {
            await Google.DisposeAsync();
        }

        await servers.DisposeAsync();
    }
}
