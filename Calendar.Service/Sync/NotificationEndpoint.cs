using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Security;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// Where Google posts push notifications (no session: the channel's secret token is the credential). A
/// notification names its channel; one with an unknown channel is 404, with the wrong token or resource 403; a
/// valid "exists" makes the calendar's sync due now. The first message of a channel ("sync") needs nothing.
/// </summary>
public static partial class NotificationEndpoint
{
    public static IEndpointRouteBuilder MapGoogleNotifications(this IEndpointRouteBuilder app)
    {
        app.MapPost(WatchChannels.NotificationPath, ReceiveAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, CalendarDbContext db, SyncSignal signal, TimeProvider time, ILogger<SyncWorker> logger)
    {
        var headers = http.Request.Headers;
        var channelId = headers["X-Goog-Channel-ID"].ToString();
        var sync = channelId.Length == 0 ? null : await db.GoogleSyncs.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, http.RequestAborted);
        if (sync is null)
        {
            return Results.NotFound();
        }

        if (!SecretTokens.Matches(headers["X-Goog-Channel-Token"].ToString(), sync.ChannelTokenHash) || headers["X-Goog-Resource-ID"] != sync.ChannelResourceId)
        {
            LogRefused(logger, channelId);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (headers["X-Goog-Resource-State"] != "sync")
        {
            var now = time.GetUtcNow();
            await db.GoogleSyncs.Where(s => s.AgentId == sync.AgentId && s.State != GoogleSyncState.ReconnectRequired && s.State != GoogleSyncState.BackingOff)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextSyncAt, now), http.RequestAborted);
            signal.Notify();
        }

        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a notification for channel {ChannelId}: wrong token or resource.")]
    private static partial void LogRefused(ILogger logger, string channelId);
}
