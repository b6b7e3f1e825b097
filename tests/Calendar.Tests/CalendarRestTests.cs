using System.Net;
using AgentCalls.TestSupport;
using static AgentCalls.Calendar.Tests.CalendarServiceHost;

namespace AgentCalls.Calendar.Tests;

/// <summary>ListEvents through its REST face (JSON transcoding), as the gateway calls it.</summary>
public sealed class CalendarRestTests(CalendarServiceHost host)
{
    [Fact]
    public async Task GetEvents_WithABearerToken_AnswersTheAgentsEventsAsJson()
    {
        var agent = await host.SignInAsync("Rita Rest", cancellationToken: TestContext.Current.CancellationToken);
        var events = await host.AddEventsAsync(agent, ("Review call", Day.AddHours(9), Day.AddHours(10)));

        var response = await host.Rest.GetJsonAsync(
            "/api/calendar/events?startTime=2026-03-02T00:00:00Z&endTime=2026-03-03T00:00:00Z", agent, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var only = Assert.Single(response.Body.GetProperty("events").EnumerateArray());
        Assert.Equal(events[0].Id.ToString(), only.GetProperty("eventId").GetString());
        Assert.Equal("2026-03-02T09:00:00Z", only.GetProperty("startTime").GetString());
    }

    [Fact]
    public async Task GetEvents_EndBeforeStart_Is400NamingEndTime()
    {
        var agent = await host.SignInAsync("Rex Rejected", cancellationToken: TestContext.Current.CancellationToken);

        var response = await host.Rest.GetJsonAsync(
            "/api/calendar/events?startTime=2026-03-03T00:00:00Z&endTime=2026-03-02T00:00:00Z", agent, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["endTime"], response.ViolatedFields());
    }
}
