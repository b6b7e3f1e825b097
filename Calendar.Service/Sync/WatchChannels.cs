using AgentCalls.Calendar.Service.Google;
using AgentCalls.Calendar.Service.Hosting;
using AgentCalls.Calendar.Service.Security;
using Microsoft.Extensions.Options;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// Push channels, when a public webhook address is configured: one per synced calendar, opened after a sync,
/// replaced by a new one when it nears expiry (the old one stopped), each with a secret token Google sends back
/// with every notification (only its hash is stored). Without the address, calendars are polled and any channel left over is stopped.
/// </summary>
public sealed partial class WatchChannels(GoogleCalendarClient google, IOptions<CalendarOptions> options, TimeProvider time, ILogger<WatchChannels> logger)
{
    public const string NotificationPath = "/webhooks/calendar/google";

    public bool Enabled => options.Value.PublicWebhookBaseUrl is not null;

    public async Task EnsureAsync(GoogleSync state, string accessToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Enabled && state.ChannelId is not null && state.ChannelExpiresAt - now > options.Value.ChannelRenewBefore)
        {
            return;
        }

        var (oldId, oldResource) = (state.ChannelId, state.ChannelResourceId);
        if (Enabled)
        {
            var id = Guid.NewGuid().ToString("N");
            var secret = SecretTokens.New();
            var address = new Uri(options.Value.PublicWebhookBaseUrl!, NotificationPath);
            var channel = await google.WatchAsync(accessToken, state.CalendarId, id, address, secret, options.Value.ChannelTtl, cancellationToken);
            state.ChannelId = id;
            state.ChannelResourceId = channel.ResourceId;
            state.ChannelTokenHash = SecretTokens.Hash(secret);
            state.ChannelExpiresAt = long.TryParse(channel.Expiration, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : now + options.Value.ChannelTtl;
        }
        else
        {
            Forget(state);
        }

        if (oldId is not null && oldResource is not null)
        {
            await TryStopAsync(accessToken, oldId, oldResource, cancellationToken);
        }
    }

    private static void Forget(GoogleSync state)
    {
        state.ChannelId = null;
        state.ChannelResourceId = null;
        state.ChannelTokenHash = null;
        state.ChannelExpiresAt = null;
    }

    private async Task TryStopAsync(string accessToken, string id, string resourceId, CancellationToken cancellationToken)
    {
        try
        {
            await google.StopChannelAsync(accessToken, id, resourceId, cancellationToken);
        }
        catch (Exception e) when (e is GoogleApiException or HttpRequestException)
        {
            // Google drops a channel at its expiry anyway, and notifications of an unknown channel are refused.
            LogStopFailed(logger, e, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not stop push channel {ChannelId}; it ends at its expiry.")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string channelId);
}
