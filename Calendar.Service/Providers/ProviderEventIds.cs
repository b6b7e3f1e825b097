using System.Security.Cryptography;
using System.Text;

namespace AgentCalls.Calendar.Service.Providers;

/// <summary>
/// The provider's id for a scheduled call, derived from the agent and the request id: the same request always
/// names the same event. Google's rule for ids a client chooses: base32hex (a–v, 0–9), 5 to 1024 characters.
/// </summary>
public static class ProviderEventIds
{
    private const string Base32Hex = "0123456789abcdefghijklmnopqrstuv";

    public static string ForRequest(Guid agentId, string requestId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{agentId:N}:{requestId}"));
        var id = new StringBuilder("ac", 2 + 32);
        for (var i = 0; i < 32; i++)
        {
            id.Append(Base32Hex[hash[i] % 32]);
        }

        return id.ToString();
    }
}
