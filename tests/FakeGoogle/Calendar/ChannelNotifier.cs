using System.Collections.Concurrent;
using System.Globalization;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// Posts push notifications as Google does: an empty body, the channel in X-Goog-* headers, "sync" once when the
/// channel opens and "exists" after every change. Deliveries are kept so tests can see what was sent.
/// </summary>
public sealed class ChannelNotifier(IHttpClientFactory http, ILogger<ChannelNotifier> logger)
{
    private readonly ConcurrentQueue<Delivery> deliveries = new();

    public IReadOnlyList<Delivery> Deliveries => [.. deliveries];

    public void Send(FakeChannel channel, string state)
    {
        int number;
        lock (channel)
        {
            number = ++channel.MessageNumber;
        }

        _ = SendAsync(channel, state, number);
    }

    private async Task SendAsync(FakeChannel channel, string state, int number)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, channel.Address);
        request.Headers.Add("X-Goog-Channel-ID", channel.Id);
        request.Headers.Add("X-Goog-Channel-Expiration", channel.Expiration.ToString("R", CultureInfo.InvariantCulture));
        request.Headers.Add("X-Goog-Resource-ID", channel.ResourceId);
        request.Headers.Add("X-Goog-Resource-URI", "https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json");
        request.Headers.Add("X-Goog-Resource-State", state);
        request.Headers.Add("X-Goog-Message-Number", number.ToString(CultureInfo.InvariantCulture));
        if (channel.Token is not null)
        {
            request.Headers.Add("X-Goog-Channel-Token", channel.Token);
        }

        try
        {
            using var response = await http.CreateClient(nameof(ChannelNotifier)).SendAsync(request);
            deliveries.Enqueue(new Delivery(channel.Id, state, number, (int)response.StatusCode));
        }
        catch (HttpRequestException e)
        {
            logger.LogInformation(e, "Notification to {Address} failed.", channel.Address);
            deliveries.Enqueue(new Delivery(channel.Id, state, number, 0));
        }
    }
}

/// <summary>One notification sent, and the status the receiver answered (0: unreachable).</summary>
public sealed record Delivery(string ChannelId, string State, int Number, int Status);
