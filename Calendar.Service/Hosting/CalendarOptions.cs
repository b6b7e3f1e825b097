using System.ComponentModel.DataAnnotations;
using AgentCalls.ServiceDefaults.Http;

namespace AgentCalls.Calendar.Service.Hosting;

/// <summary>Calendar.Service's settings (section "Calendar"). Defaults run locally; only AppHost knows addresses and secrets.</summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    /// <summary>Google's API root; tests point it at the local fake. Nothing else differs.</summary>
    [Required]
    public Uri GoogleApiBaseUrl { get; set; } = new("https://www.googleapis.com/");

    /// <summary>The web app's address, for links back to a client from a calendar event and for the feed's address.</summary>
    [Required]
    public Uri AppBaseUrl { get; set; } = new("http://localhost:5080/");

    /// <summary>
    /// This service's secret as the client <c>agentcalls-calendar</c> at Identity (client credentials): Identity hands
    /// Google access tokens to this client only. Empty: Google Calendar cannot be used.
    /// </summary>
    public string ServiceClientSecret { get; set; } = "";

    /// <summary>The public https address Google posts push notifications to (the gateway's origin); none: polling.</summary>
    public Uri? PublicWebhookBaseUrl { get; set; }

    /// <summary>How often each Google calendar is asked for changes when there are no push notifications.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>With push notifications, how often a sync runs anyway, in case a notification was lost.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan WatchedPollInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a push channel is asked to live.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ChannelTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A channel this close to expiry is replaced by a new one.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan ChannelRenewBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A full sync reads events from this many days back…</summary>
    [Range(0, 3650)]
    public int PastDays { get; set; } = 30;

    /// <summary>…to this many days ahead.</summary>
    [Range(1, 3650)]
    public int FutureDays { get; set; } = 180;

    /// <summary>Events per page asked of Google (its maximum is 2500).</summary>
    [Range(1, 2500)]
    public int GooglePageSize { get; set; } = 2500;

    /// <summary>A Retry-After up to this long is waited out within the request; a longer one postpones the sync instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>When Google keeps failing, how long it is left alone (<c>Calendar:GoogleCircuit:BreakDuration</c> and the rest).</summary>
    public ProviderCircuit GoogleCircuit { get; set; } = new();

    /// <summary>How often the sync worker looks for calendars due (it is also woken by notifications).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// An agent's "Sync now" moves the next sync to now at most once in this time; a sooner ask is refused with when
    /// to ask again, so pressing it in a loop cannot make Calendar call Google in a loop.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SyncNowCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether busy times per agent and day are cached in Redis (off only to measure what the cache gains).</summary>
    public bool CacheFreeBusy { get; set; } = true;
}
