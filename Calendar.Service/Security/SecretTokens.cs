using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace AgentCalls.Calendar.Service.Security;

/// <summary>
/// Bearer secrets this service hands out (the feed's address, Google push channels' tokens): 256 random bits, of
/// which only a SHA-256 hash is stored, so reading calendardb or a backup gives no working token. A slow hash is not
/// needed: the tokens are random, not chosen by people.
/// </summary>
public static class SecretTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="presented"/> is the token whose hash is stored, in constant time.</summary>
    public static bool Matches(string presented, string? storedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));
}
