namespace AgentCalls.Identity.Service.Hosting;

/// <summary>
/// The gateway sends the browser's <c>/auth/**</c> here untouched, for the pages and the OpenID Connect endpoints, with
/// no authorization policy or rate limit of its own. The API (gRPC and its REST face) answers only without that path
/// base, where the gateway reaches it through <c>/api/identity/**</c> with both; under <c>/auth</c> it does not exist.
/// </summary>
public static class ApiOutsidePages
{
    public static IApplicationBuilder UseApiOutsidePages(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.PathBase.HasValue && IsApi(http.Request.Path))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(http);
    });

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || (path.Value ?? "").StartsWith("/agentcalls.", StringComparison.OrdinalIgnoreCase)
        || (path.Value ?? "").StartsWith("/grpc.", StringComparison.OrdinalIgnoreCase);
}
