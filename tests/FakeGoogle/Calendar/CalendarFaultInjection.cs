namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// Applies <see cref="FakeCalendars.Faults"/> to every Calendar API request before it is served, and counts them all
/// (<c>calendar:request</c>, <c>calendar:fault</c>), so a test can tell the requests a caller made from the calls it served.
/// </summary>
public static class CalendarFaultInjection
{
    public static IApplicationBuilder UseCalendarFaults(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments(CalendarApi.BasePath))
        {
            await next(http);
            return;
        }

        var calendars = http.RequestServices.GetRequiredService<FakeCalendars>();
        var state = http.RequestServices.GetRequiredService<FakeGoogleState>();
        state.Record("calendar:request");
        if (calendars.Faults.LatencyMilliseconds > 0)
        {
            await Task.Delay(calendars.Faults.LatencyMilliseconds, http.RequestAborted);
        }

        if (calendars.TakeFault())
        {
            state.Record("calendar:fault");
            await CalendarApi.Error(StatusCodes.Status503ServiceUnavailable, "backendError", "Backend Error", "UNAVAILABLE").ExecuteAsync(http);
            return;
        }

        await next(http);
    });
}
