using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Providers;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Feed;

/// <summary>
/// Serves the agent's local calendar as iCalendar to calendar apps, which subscribe without a session: the token
/// in the address is the credential. An unknown (or replaced) token is 404. Events from 30 days back to a year ahead.
/// </summary>
public static class FeedEndpoint
{
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(FeedStore.PathPrefix + "{token}.ics", ServeAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> ServeAsync(string token, FeedStore feeds, CalendarDbContext db, TimeProvider time, HttpContext http)
    {
        var agentId = await feeds.FindAgentAsync(token, http.RequestAborted);
        if (agentId is null)
        {
            return Results.NotFound();
        }

        var now = time.GetUtcNow();
        var (from, to) = (now.AddDays(-30), now.AddDays(366));
        var events = await db.Events.AsNoTracking()
            .Where(e => e.AgentId == agentId && e.Provider == LocalCalendarProvider.ProviderName && e.StartsAt < to && e.EndsAt > from)
            .OrderBy(e => e.StartsAt)
            .ToListAsync(http.RequestAborted);
        http.Response.Headers.CacheControl = "private, max-age=300";
        return Results.Text(ICalendarWriter.Write(events, now), "text/calendar; charset=utf-8");
    }
}
