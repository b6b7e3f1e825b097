using System.Net;

namespace AgentCalls.Identity.Service.SignIn;

/// <summary>
/// Whether the browser is on this machine: the connection comes from a loopback address, and so does every address a
/// proxy in front (the gateway, which sets X-Forwarded-For) says the request came through.
/// </summary>
public static class LoopbackClient
{
    public static bool IsLoopback(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote
        && IPAddress.IsLoopback(remote)
        && http.Request.Headers["X-Forwarded-For"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .All(forwarded => IPAddress.TryParse(forwarded, out var address) && IPAddress.IsLoopback(address));
}
