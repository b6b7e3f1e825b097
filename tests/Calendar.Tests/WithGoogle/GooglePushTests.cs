using System.Net;
using AgentCalls.TestSupport;

namespace AgentCalls.Calendar.Tests.WithGoogle;

/// <summary>Push notifications: a change in Google reaches the copy without asking; forged notifications are refused; channels are renewed.</summary>
public sealed class GooglePushTests(PushedGoogleCalendar system) : IClassFixture<PushedGoogleCalendar>
{
    [Fact]
    public async Task ChangeInGoogle_IsPushed_AndSyncedWithoutBeingAsked()
    {
        var (user, agent) = await system.ConnectedAgentAsync("Pat Push");
        var row = await Eventually.ReturnsAsync(async () => await system.SyncRowAsync(agent) is { ChannelId: not null } r ? r : null);

        await system.Google.Calendar.PutEventAsync(user, "pushed", "Pushed here", TestDays.Today.AddDays(2).AddHours(9));

        await Eventually.IsTrueAsync(async () => (await system.EventsAsync(agent)).Any(e => e.Title == "Pushed here"));
        Assert.True((await system.StatusAsync(agent)).PushNotifications);
        Assert.Contains(await system.Google.Calendar.NotificationsAsync(), d => d.ChannelId == row.ChannelId && d.State == "exists" && d.Status == 200);
    }

    [Fact]
    public async Task Notification_WithTheWrongTokenOrAnUnknownChannel_IsRefused()
    {
        var (_, agent) = await system.ConnectedAgentAsync("Fo Forged");
        var row = await Eventually.ReturnsAsync(async () => await system.SyncRowAsync(agent) is { ChannelId: not null } r ? r : null);

        // The token is Google's (here the fake's); Calendar keeps only its hash, which is no token.
        var token = (await system.Google.Calendar.ChannelsAsync()).Single(c => c.Id == row.ChannelId).Token!;

        var wrongToken = await NotifyAsync(row.ChannelId!, "not-the-token", row.ChannelResourceId!);
        var storedHashAsToken = await NotifyAsync(row.ChannelId!, row.ChannelTokenHash!, row.ChannelResourceId!);
        var unknown = await NotifyAsync(Guid.NewGuid().ToString("N"), token, row.ChannelResourceId!);
        var right = await NotifyAsync(row.ChannelId!, token, row.ChannelResourceId!);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.OK), (wrongToken, storedHashAsToken, unknown, right));
        Assert.NotEqual(token, row.ChannelTokenHash);
    }

    [Fact]
    public async Task ChannelNearExpiry_IsReplacedByANewOne_AndTheOldOneStopped()
    {
        var (_, agent) = await system.ConnectedAgentAsync("Rio Renew");
        var first = await Eventually.ReturnsAsync(async () => await system.SyncRowAsync(agent) is { ChannelId: not null } r ? r : null);

        var renewed = await Eventually.ReturnsAsync(async () =>
        {
            await system.SyncNowAsync(agent);
            return await system.SyncRowAsync(agent) is var r && r.ChannelId != first.ChannelId ? r : null;
        });
        var open = (await system.Google.Calendar.ChannelsAsync()).Select(c => c.Id).ToList();

        Assert.Contains(renewed.ChannelId, open);
        Assert.DoesNotContain(first.ChannelId, open);
    }

    private async Task<HttpStatusCode> NotifyAsync(string channelId, string token, string resourceId)
    {
        using var http = new HttpClient { BaseAddress = system.CalendarHttp };
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/calendar/google")
        {
            Headers =
            {
                { "X-Goog-Channel-ID", channelId },
                { "X-Goog-Channel-Token", token },
                { "X-Goog-Resource-ID", resourceId },
                { "X-Goog-Resource-State", "exists" },
                { "X-Goog-Message-Number", "99" },
            },
        };
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
