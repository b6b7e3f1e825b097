using AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>One of the client's policies as the assistant speaks of it: what, with whom, and when it renews.</summary>
public sealed record ClientPolicy(string Line, string Carrier, string PolicyNumber, bool InForce, DateOnly? Renews, long PremiumMinor, string CurrencyCode)
{
    public static ClientPolicy From(Policy policy) => new(
        policy.LineOfBusiness == LineOfBusiness.Unspecified ? "policy" : Words(policy.LineOfBusiness.ToString()),
        policy.Carrier,
        policy.PolicyNumber,
        policy.Status is PolicyStatus.Active or PolicyStatus.PendingRenewal,
        policy.ExpirationDate is { Year: > 0 } date ? new DateOnly(date.Year, date.Month, date.Day) : null,
        policy.PremiumMinor,
        policy.CurrencyCode.Length > 0 ? policy.CurrencyCode : "USD");

    private static string Words(string name) => System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
}
