using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>
/// One-time links that carry a signed-in agent from the app to Google's consent screen: Identity keeps no
/// browser session of its own, so the link says (encrypted, for five minutes, usable once) which agent it is for.
/// </summary>
public sealed class GoogleConnectTickets(IDataProtectionProvider dataProtection, IConnectionMultiplexer redis)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector protector = dataProtection.CreateProtector("AgentCalls.Identity.GoogleConnect").ToTimeLimitedDataProtector();

    public string Issue(Guid agentId, string returnPath) =>
        protector.Protect(JsonSerializer.Serialize(new GoogleConnectTicket(Guid.NewGuid(), agentId, returnPath)), Lifetime);

    /// <summary>The ticket, or null when it is forged, expired or used already.</summary>
    public async Task<GoogleConnectTicket?> RedeemAsync(string value)
    {
        GoogleConnectTicket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<GoogleConnectTicket>(protector.Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }

        var firstUse = ticket is not null && await redis.GetDatabase().StringSetAsync($"identity:google-connect:{ticket.Id}", 1, Lifetime, When.NotExists);
        return firstUse ? ticket : null;
    }
}

public sealed record GoogleConnectTicket(Guid Id, Guid AgentId, string ReturnPath);
