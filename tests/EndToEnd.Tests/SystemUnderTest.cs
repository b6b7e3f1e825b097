using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using AgentCalls.AppHost.Diagnostics;
using AgentCalls.AppHost.LocalServers;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// The whole system, started once for the test assembly through the real AppHost: Postgres and Redis
/// processes, the five services, the gateway and the web app, on random ports and a throwaway data folder, with
/// Google (sign-in and Calendar v3) configured against a local fake of Google.
/// </summary>
public sealed class SystemUnderTest : IAsyncLifetime
{
    /// <summary>The gateway's per-agent burst in this run: small, so the rate limit test reaches it quickly.</summary>
    public const int RateLimitBurst = 40;

    /// <summary>Rows an import commits, and reports as done, at a time: small, so an import test's file spans many batches.</summary>
    public const int ImportBatchSize = 100;

    /// <summary>Calendar.Service's client secret at Identity in this run, so a test can ask for Google tokens as Calendar does.</summary>
    public const string CalendarServiceSecret = "e2e-calendar-service-secret-0123456789";

    /// <summary>How often a test asks the gateway again while waiting: four a second, under the per-agent refill of five.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a test waits for the system's background work (a calendar sync, an event relayed to another service):
    /// generous, because a service's first sync also warms it up and this machine may be shared; a test that passes
    /// waits only as long as the work takes.
    /// </summary>
    public static readonly TimeSpan BackgroundPatience = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    /// <summary>
    /// A folder only its owner can enter, as root's home or a <c>mktemp -d</c> folder is: when the tests run as root, the
    /// system must still come up although the postgres user cannot reach it.
    /// </summary>
    private readonly string privateDirectory = Directory.CreateTempSubdirectory("agentcalls-e2e-").FullName;

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The one origin the browser sees.</summary>
    public Uri Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Path.Combine(RepositoryPaths.Root, "web", ".next", "BUILD_ID")))
        {
            throw new InvalidOperationException("The web app is not built: run ./test.sh, or `cd web && npm ci && npm run build`.");
        }

        using var cancellation = new CancellationTokenSource(StartTimeout);
        Google = GoogleFake.Start();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                $"--AppHost:DataDirectory={Path.Combine(privateDirectory, "data")}", "--AppHost:PostgresFsync=false", $"--AppHost:StartupTimeout={StartTimeout - TimeSpan.FromMinutes(1)}",
                .. Google.IdentitySettings().Select(setting => $"--{setting.Key}={setting.Value}"),
                $"--Google:ApiBaseUrl={Google.Authority}",
                $"--Parameters:calendar-client-secret={CalendarServiceSecret}",
            ],
            (options, _) => options.DisableDashboard = true,
            cancellation.Token);
        var gateway = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway");
        var identity = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "identity");
        var calendar = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "calendar");
        var clients = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "clients");
        // Access tokens live 30 s and the gateway refreshes any within 29 s of expiry: nearly every proxied
        // call in this suite goes through the refresh (and refresh token rotation) path.
        builder.CreateResourceBuilder(identity).WithEnvironment("Identity__AccessTokenLifetime", "00:00:30");
        // Google calendars (the fake's) are polled every second, so a change made at Google shows within a test's patience.
        builder.CreateResourceBuilder(calendar).WithEnvironment("Calendar__PollInterval", "00:00:01");
        builder.CreateResourceBuilder(clients).WithEnvironment("Import__BatchSize", ImportBatchSize.ToString());
        builder.CreateResourceBuilder(gateway)
            .WithEnvironment("Gateway__RefreshBeforeExpiry", "00:00:29")
            .WithEnvironment("Gateway__RateLimit__TokenLimit", RateLimitBurst.ToString())
            .WithEnvironment("Gateway__RateLimit__TokensPerPeriod", "5");

        App = await builder.BuildAsync(cancellation.Token);
        // The AppHost's own watch reports the start: every resource up, or the ones that failed with their last output.
        if (await StartupWatch.StartAsync(App, cancellation.Token) is { Succeeded: false } failed)
        {
            throw new InvalidOperationException(failed.Text);
        }

        Gateway = App.GetEndpoint("gateway", "http");
        await Google.RegisterClientAsync(new Uri(Gateway, "/auth/callback/google"));
    }

    /// <summary>The local fake of Google's OAuth endpoints that Identity is configured against in this run.</summary>
    public GoogleFake Google { get; private set; } = null!;

    /// <summary>A new browser: its own cookie jar, not following redirects by itself.</summary>
    public BrowserSession NewBrowser() => new(Gateway);

    /// <summary>A browser signed in through the development sign-in as a new agent.</summary>
    public async Task<BrowserSession> SignedInBrowserAsync(string displayName, CancellationToken cancellationToken)
    {
        var browser = NewBrowser();
        await browser.SignInAsync(displayName, $"{Guid.NewGuid():N}@agents.test", cancellationToken);
        return browser;
    }

    /// <summary>A browser signed in with the (fake) Google account <paramref name="user"/>, which also connected Google Calendar.</summary>
    public async Task<BrowserSession> GoogleCalendarBrowserAsync(FakeUser user, CancellationToken cancellationToken)
    {
        await Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject });
        var browser = NewBrowser();
        await browser.SignInAsync(user.Name, user.Email, cancellationToken, withGoogle: true);
        await browser.ConnectGoogleCalendarAsync(user, cancellationToken);
        return browser;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Google is not null)
        {
            await Google.DisposeAsync();
        }

        DeletePostgresStandIn();
        Directory.Delete(privateDirectory, recursive: true);
    }

    /// <summary>Postgres' data went to a stand-in folder outside the private one (when run as root): remove it too.</summary>
    private void DeletePostgresStandIn()
    {
        var standIn = PostgresDataDirectory.Choose(Path.Combine(privateDirectory, "data", "postgres"), Environment.IsPrivilegedProcess);
        if (Directory.Exists(standIn))
        {
            Directory.Delete(standIn, recursive: true);
        }
    }
}
