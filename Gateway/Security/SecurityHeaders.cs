namespace AgentCalls.Gateway.Security;

/// <summary>
/// Headers on every response of the one origin the browser sees. Always: no MIME sniffing, no framing, no referrer
/// beyond the origin, and <c>Cache-Control: no-store</c> on /api and /bff (agents' data and session answers must not
/// stay in a shared or browser cache). Outside Development also HSTS and a content security policy
/// (<c>Gateway:ContentSecurityPolicy</c>, <see cref="DefaultContentSecurityPolicy"/> when unset).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Same-origin everything; inline scripts and styles because Next.js writes its bootstrap inline; no framing.
    /// </summary>
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        string? policy = null;
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            policy = app.Configuration["Gateway:ContentSecurityPolicy"] is { Length: > 0 } configured ? configured : DefaultContentSecurityPolicy;
        }

        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                Apply(http, policy);
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }

    /// <summary>Sets the headers on <paramref name="http"/>'s response, replacing what a proxied server sent.</summary>
    public static void Apply(HttpContext http, string? contentSecurityPolicy)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        if (contentSecurityPolicy is not null)
        {
            headers.ContentSecurityPolicy = contentSecurityPolicy;
        }

        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/bff"))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
