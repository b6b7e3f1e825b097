using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Feed;
using AgentCalls.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Trace;

namespace AgentCalls.Calendar.Tests;

/// <summary>The private iCalendar feed of the local calendar: read without a session by its address, revoked by regenerating.</summary>
public sealed class FeedTests(CalendarServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCalendarFeed_FirstAskedManyTimesAtOnce_MakesOneFeed_WhoseAddressOneAskIsAnsweredWith()
    {
        var agent = await host.SignInAsync("Fay First", cancellationToken: Cancel);

        var feeds = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
            await host.Feed.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel)));

        Assert.Single(feeds, f => f.Url.Length > 0);
        Assert.Single(feeds.Select(f => f.CreatedAt).Distinct());
    }

    [Fact]
    public async Task Feed_TokenIsKeptOnlyAsItsHash_AndTheAddressIsAnsweredOnlyWhenMade()
    {
        var agent = await host.SignInAsync("Hal Hash", cancellationToken: Cancel);

        var made = await host.Feed.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
        var askedAgain = await host.Feed.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
        var token = new Uri(made.Url).Segments[^1].Replace(".ics", "", StringComparison.Ordinal);
        var stored = await host.Services.QueryAsync<CalendarDbContext, CalendarFeedAccess>(db => db.Feeds.AsNoTracking().SingleAsync(f => f.AgentId == agent.AgentId, Cancel));
        using var served = await host.Rest.GetAsync(new Uri(made.Url).PathAndQuery, Cancel);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash);
        Assert.Equal(("", made.CreatedAt), (askedAgain.Url, askedAgain.CreatedAt));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Feed_WithoutASession_ServesTheAgentsCallsAsICalendar()
    {
        var agent = await host.SignInAsync("Fi Feed", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Quinn Quill");
        var call = await host.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(9)));

        var feed = await host.Feed.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
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
        var first = await host.Feed.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
        await host.Feed.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
        using var stillServed = await host.Rest.GetAsync(new Uri(first.Url).PathAndQuery, Cancel);

        var replaced = await host.Feed.RegenerateCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
        using var old = await host.Rest.GetAsync(new Uri(first.Url).PathAndQuery, Cancel);
        using var current = await host.Rest.GetAsync(new Uri(replaced.Url).PathAndQuery, Cancel);

        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
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

        var bobsFeed = await host.Feed.GetCalendarFeedAsync(new(), bob.Bearer, cancellationToken: Cancel);
        var body = await host.Rest.GetStringAsync(new Uri(bobsFeed.Url).PathAndQuery, Cancel);

        Assert.DoesNotContain("Ann only", body);
    }

    [Fact]
    public async Task Feed_ReadByItsAddress_LeavesNoTokenInTheTraces()
    {
        var exported = new ExportedSpans();
        await using var traced = host.CreateInstance(service => service.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported))));
        using var rest = traced.CreateClient();
        var agent = await host.SignInAsync("Tam Traces", cancellationToken: Cancel);
        var feed = await host.Feed.GetCalendarFeedAsync(new(), agent.Bearer, cancellationToken: Cancel);
        var token = new Uri(feed.Url).Segments[^1].Replace(".ics", "", StringComparison.Ordinal);

        using var response = await rest.GetAsync(new Uri(feed.Url).PathAndQuery, Cancel);
        var request = await Eventually.ReturnsAsync(() => Task.FromResult(exported.Snapshot()
            .FirstOrDefault(span => span.GetTagItem("url.path") as string == "/api/calendar/feeds/{token}.ics")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.DoesNotContain(exported.Snapshot(), span =>
            span.DisplayName.Contains(token, StringComparison.Ordinal) || span.TagObjects.Any(tag => tag.Value?.ToString()?.Contains(token, StringComparison.Ordinal) == true));
    }
}
