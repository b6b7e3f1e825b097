using Microsoft.AspNetCore.Mvc;

namespace AgentCalls.Gateway.Security;

/// <summary>
/// Cross-site request forgery defence for cookie sessions: an unsafe request to /api or /bff must carry
/// <c>X-CSRF: 1</c>, which a cross-site form cannot send and cross-site script cannot add without a CORS
/// preflight this gateway never grants. A WebSocket to /api must come from a page of this origin.
/// Requests whose bearer token authenticated them are API clients, not browsers riding a cookie, and are exempt; any
/// other Authorization header (a bad token, another scheme) exempts nothing.
/// </summary>
public static class AntiforgeryHeader
{
    public const string HeaderName = "X-CSRF";

    public static IApplicationBuilder UseAntiforgeryHeader(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var problem = Check(http.Request);
        if (problem is null)
        {
            await next(http);
            return;
        }

        http.Response.StatusCode = problem.Status!.Value;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    });

    /// <summary>Whether the request was authenticated by its bearer token (authentication runs before this check).</summary>
    public static bool IsBearerAuthenticated(HttpContext http) =>
        CachedBearerHandler.TokenOf(http.Request) is not null && http.User.Identity?.IsAuthenticated == true;

    public static ProblemDetails? Check(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/bff"))
        {
            return null;
        }

        if (IsBearerAuthenticated(request.HttpContext))
        {
            return null;
        }

        if (request.HttpContext.WebSockets.IsWebSocketRequest)
        {
            var origin = request.Headers.Origin.ToString();
            var own = $"{request.Scheme}://{request.Host}";
            return origin.Length == 0 || string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                ? null
                : new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Cross-origin WebSocket refused", Detail = $"Origin {origin} is not {own}." };
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return null;
        }

        return request.Headers[HeaderName] == "1"
            ? null
            : new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Missing antiforgery header",
                Detail = $"Requests that change data must send the header {HeaderName}: 1.",
            };
    }
}
