using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms;

namespace AgentCalls.Gateway.Proxy;

/// <summary>
/// The session cookie is the gateway's alone: it is taken out of the Cookie header on every proxied route (the web
/// app's, Identity's pages), so no service or page server ever holds a credential for the agent's session. Other
/// cookies (Identity's own sign-in cookies under /auth) pass through.
/// </summary>
public static class SessionCookieStripping
{
    public static ValueTask StripAsync(RequestTransformContext transform)
    {
        var sessionCookie = transform.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie.Name;
        var headers = transform.ProxyRequest.Headers;
        if (sessionCookie is null || !headers.TryGetValues("Cookie", out var values))
        {
            return ValueTask.CompletedTask;
        }

        var kept = Without(values, sessionCookie);
        headers.Remove("Cookie");
        if (kept.Length > 0)
        {
            headers.TryAddWithoutValidation("Cookie", kept);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The cookies of <paramref name="headerValues"/> other than <paramref name="name"/>, as one Cookie header value.</summary>
    public static string Without(IEnumerable<string> headerValues, string name) =>
        string.Join("; ", headerValues
            .SelectMany(value => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(cookie => !string.Equals(cookie.Split('=', 2)[0].Trim(), name, StringComparison.Ordinal)));
}
