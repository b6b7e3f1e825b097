using System.Globalization;
using System.Net.Http.Headers;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// What every Calendar API request goes through at Google: a valid access token with a Calendar scope (401 and
/// 403 insufficientPermissions otherwise), then any refusal a test asked for (429, 403 rateLimitExceeded,
/// userRateLimitExceeded or quotaExceeded, or 5xx backendError, with or without Retry-After). Errors are Google's JSON
/// error bodies.
/// </summary>
public static class CalendarApi
{
    public const string BasePath = "/calendar/v3";
    private static readonly string[] CalendarScopes = ["https://www.googleapis.com/auth/calendar", "https://www.googleapis.com/auth/calendar.events"];

    /// <summary>The caller's calendar, or the error to answer.</summary>
    public static (FakeCalendar? Calendar, IResult? Error) Authorize(HttpContext http, string calendarId, string request)
    {
        var state = http.RequestServices.GetRequiredService<FakeGoogleState>();
        var calendars = http.RequestServices.GetRequiredService<FakeCalendars>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        state.Record($"calendar:{request}");
        var token = AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header) && header.Scheme == "Bearer" ? header.Parameter : null;
        var issued = token is null ? null : state.FindAccessToken(token, now);
        if (issued is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
            return (null, Error(StatusCodes.Status401Unauthorized, "authError", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "UNAUTHENTICATED"));
        }

        if (!issued.Scopes.Any(CalendarScopes.Contains))
        {
            return (null, Error(StatusCodes.Status403Forbidden, "insufficientPermissions", "Request had insufficient authentication scopes.", "PERMISSION_DENIED"));
        }

        var user = state.FindUser(issued.Subject)!;
        if (calendarId != "primary" && !calendarId.Equals(user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return (null, Error(StatusCodes.Status404NotFound, "notFound", "Not Found"));
        }

        if (calendars.TakeThrottle() is { } throttle)
        {
            state.Record($"calendar:throttled:{request}");
            if (throttle.RetryAfterSeconds is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            }

            return (null, throttle.Status switch
            {
                StatusCodes.Status429TooManyRequests => Error(429, "rateLimitExceeded", "Rate Limit Exceeded", "RESOURCE_EXHAUSTED", "usageLimits"),
                >= 500 => Error(throttle.Status, "backendError", "Backend Error", "UNAVAILABLE"),
                _ when throttle.Reason == "quotaExceeded" => Error(403, "quotaExceeded", "Calendar usage limits exceeded.", "PERMISSION_DENIED", "usageLimits"),
                _ => Error(403, throttle.Reason, "Rate Limit Exceeded", "PERMISSION_DENIED", "usageLimits"),
            });
        }

        return (calendars.For(issued.Subject, user.Email), null);
    }

    public static IResult Error(int status, string reason, string message, string? grpcStatus = null, string domain = "global") =>
        Results.Json(new
        {
            error = new
            {
                code = status,
                message,
                errors = new[] { new { domain, reason, message } },
                status = grpcStatus,
            },
        }, statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "invalid", message, "INVALID_ARGUMENT");

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "notFound", "Not Found", "NOT_FOUND");

    public static IResult Deleted() => Error(StatusCodes.Status410Gone, "deleted", "Resource has been deleted", "NOT_FOUND");
}
