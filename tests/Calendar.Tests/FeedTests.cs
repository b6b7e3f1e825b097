using System.Net;
using AgentCalls.TestSupport;

namespace AgentCalls.Calendar.Tests;

/// <summary>The private iCalendar feed of the local calendar: read without a session by its address, revoked by regenerating.</summary>
public sealed class FeedTests(CalendarServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCalendarFeed_FirstAskedManyTimesAtOnce_AnswersOneAddress()
    {
        var agent = await host.SignInAsync("Fay First", cancellationToken: Cancel);

        var feeds = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
            await host.Calendar.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel)));

        Assert.Single(feeds.Select(f => f.Url).Distinct());
    }

    [Fact]
    public async Task Feed_WithoutASession_ServesTheAgentsCallsAsICalendar()
    {
        var agent = await host.SignInAsync("Fi Feed", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Quinn Quill");
        var call = await host.Calendar.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(9)));

        var feed = await host.Calendar.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
        using var response = await host.Rest.GetAsync(new Uri(feed.Url).PathAndQuery, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.StartsWith($"{CalendarServiceHost.AppBaseUrl}api/calendar/feeds/", feed.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BEGIN:VCALENDAR", body);
        Assert.Contains("SUMMARY:Call with Quinn Quill", body);
        Assert.Contains($"UID:{call.EventId}@agentcalls", body);
        Assert.Contains("BEGIN:VALARM", body);
    }

    [Fact]
    public async Task RegenerateFeed_TheOldAddressStopsWorking_AndTheAddressIsStableUntilThen()
    {
        var agent = await host.SignInAsync("Rae Regenerate", cancellationToken: Cancel);
        var first = await host.Calendar.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
        var again = await host.Calendar.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);

        var replaced = await host.Calendar.RegenerateCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
        using var old = await host.Rest.GetAsync(new Uri(first.Url).PathAndQuery, Cancel);
        using var current = await host.Rest.GetAsync(new Uri(replaced.Url).PathAndQuery, Cancel);

        Assert.Equal(first.Url, again.Url);
        Assert.NotEqual(first.Url, replaced.Url);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Feed_OfAnotherAgent_HoldsOnlyThatAgentsEvents()
    {
        var ann = await host.SignInAsync("Ann Apart", cancellationToken: Cancel);
        var bob = await host.SignInAsync("Bob Apart", cancellationToken: Cancel);
        await host.AddEventsAsync(ann, ("Ann only", TestDays.Monday().AddHours(9), TestDays.Monday().AddHours(10)));

        var bobsFeed = await host.Calendar.GetCalendarFeedAsync(new(), bob.Bearer, cancellationToken: Cancel);
        var body = await host.Rest.GetStringAsync(new Uri(bobsFeed.Url).PathAndQuery, Cancel);

        Assert.DoesNotContain("Ann only", body);
    }
}
