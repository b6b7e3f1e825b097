using System.Security.Cryptography;
using System.Text;
using AgentCalls.Gateway.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace AgentCalls.Gateway.Security;

/// <summary>
/// The bearer tokens this gateway has validated lately, so that an API client's token is checked once a minute
/// (<see cref="GatewayOptions.ValidatedTokenCacheDuration"/>), not on every request: its signature check and claims
/// parsing were about half of the gateway's own work per request (bench/gateway). A token is remembered by its SHA-256,
/// never past its own expiry, and only once it has passed the full validation; every service still validates it on
/// every request. A tampered token is another string, so it is never found here.
/// </summary>
public sealed class ValidatedBearerTokens(IOptions<GatewayOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>Tokens remembered at most: far more agents than one gateway replica serves in a minute.</summary>
    public const int Capacity = 10_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>A copy of the ticket the token earned, or null when it is not remembered or has expired.</summary>
    public AuthenticationTicket? Find(string token) =>
        cache.TryGetValue(Key(token), out Remembered? remembered) && remembered!.Until > time.GetUtcNow() ? remembered.Ticket.Clone() : null;

    public void Remember(string token, AuthenticationTicket ticket)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.ValidatedTokenCacheDuration;
        if (ticket.Principal.GetExpirationDate() is { } expires && expires < until)
        {
            until = expires;
        }

        if (until > now)
        {
            cache.Set(Key(token), new Remembered(ticket.Clone(), until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = until - now });
        }
    }

    public void Dispose() => cache.Dispose();

    private static string Key(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Remembered(AuthenticationTicket Ticket, DateTimeOffset Until);
}
