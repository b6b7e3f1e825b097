using System.Security.Cryptography;
using AgentCalls.Gateway.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Gateway.Sessions;

/// <summary>
/// Keeps browser sessions (the agent's claims and tokens) in Redis, encrypted with Data Protection; the
/// browser's cookie holds only the session's random key. Sessions expire after the idle timeout, and at the latest when
/// their absolute lifetime ends (<see cref="SessionLifetime"/>).
/// </summary>
public sealed class RedisTicketStore(IConnectionMultiplexer redis, IDataProtectionProvider dataProtection, IOptions<GatewayOptions> options, SessionLifetime sessionLifetime) : ITicketStore
{
    /// <summary>The ticket property that remembers the session's key, so the session can be rewritten in place.</summary>
    public const string SessionKeyItem = ".agentcalls.session";

    private readonly IDataProtector protector = dataProtection.CreateProtector("AgentCalls.Gateway.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        ticket.Properties.Items[SessionKeyItem] = key;
        await RenewAsync(key, ticket);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var database = redis.GetDatabase();
        var lifetime = sessionLifetime.StoreFor(ticket.Properties);
        if (lifetime <= TimeSpan.Zero)
        {
            await RemoveAsync(key);
            return;
        }

        await database.StringSetAsync(RedisKey(key), protector.Protect(TicketSerializer.Default.Serialize(ticket)), lifetime);
        // Each agent's sessions are indexed, so "sign out everywhere" can end them all.
        if (ticket.Principal.FindFirst(Claims.Subject)?.Value is { } agentId)
        {
            await database.SetAddAsync(AgentSessionsKey(agentId), key);
            // The index lives as long as the agent's longest session could.
            await database.KeyExpireAsync(AgentSessionsKey(agentId), options.Value.SessionIdleTimeout);
        }
    }

    /// <summary>Ends every browser session of the agent; returns how many were live.</summary>
    public async Task<int> RemoveAllOfAgentAsync(string agentId)
    {
        var database = redis.GetDatabase();
        var keys = await database.SetMembersAsync(AgentSessionsKey(agentId));
        var removed = keys.Length == 0 ? 0 : await database.KeyDeleteAsync([.. keys.Select(k => RedisKey(k.ToString()))]);
        await database.KeyDeleteAsync(AgentSessionsKey(agentId));
        return (int)removed;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var stored = await redis.GetDatabase().StringGetAsync(RedisKey(key));
        if (stored.IsNull)
        {
            return null;
        }

        try
        {
            var ticket = TicketSerializer.Default.Deserialize(protector.Unprotect((byte[])stored!));
            // Past its absolute lifetime the session is over, whatever Redis still holds.
            return ticket is null || sessionLifetime.HasEnded(ticket.Properties) ? null : ticket;
        }
        catch (CryptographicException)
        {
            // Written under a key ring we no longer have: the session is over.
            return null;
        }
    }

    public Task RemoveAsync(string key) => redis.GetDatabase().KeyDeleteAsync(RedisKey(key));

    private static RedisKey RedisKey(string key) => $"gateway:session:{key}";

    private static RedisKey AgentSessionsKey(string agentId) => $"gateway:agent-sessions:{agentId}";
}
