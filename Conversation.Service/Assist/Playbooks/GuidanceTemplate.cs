using System.Globalization;
using System.Text.RegularExpressions;
using AgentCalls.Conversation.Service.Calls;

namespace AgentCalls.Conversation.Service.Assist.Playbooks;

/// <summary>
/// A card's guidance with the client's facts filled in: <c>{client}</c>, <c>{first_name}</c>, <c>{policies}</c> (the
/// policies in force with carrier, premium and renewal) and <c>{next_renewal}</c> (the soonest renewal and how far off
/// it is). A fact the client does not have leaves nothing behind.
/// </summary>
public static partial class GuidanceTemplate
{
    public static readonly IReadOnlyList<string> Placeholders = ["{client}", "{first_name}", "{policies}", "{next_renewal}"];

    public static IReadOnlyList<string> UnknownPlaceholders(string guidance) =>
        [.. Placeholder().Matches(guidance).Select(m => m.Value).Where(p => !Placeholders.Contains(p)).Distinct()];

    public static string Render(string guidance, ClientContext client, DateOnly today)
    {
        var inForce = client.Policies.Where(p => p.InForce).ToList();
        var text = Placeholder().Replace(guidance, match => match.Value switch
        {
            "{client}" => client.Name,
            "{first_name}" => client.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? client.Name,
            "{policies}" => inForce.Count == 0 ? "" : $"In force: {string.Join("; ", inForce.Select(Describe))}.",
            "{next_renewal}" => NextRenewal(inForce, today),
            _ => match.Value,
        });
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>"auto with Acme, $1,200.00, renews 1 Apr 2026": a policy as the assistant speaks of it.</summary>
    public static string Describe(ClientPolicy policy)
    {
        var parts = new List<string> { $"{policy.Line} with {policy.Carrier}" };
        if (policy.PremiumMinor > 0)
        {
            parts.Add(Money(policy.PremiumMinor, policy.CurrencyCode));
        }

        if (policy.Renews is { } renews)
        {
            parts.Add($"renews {renews.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}");
        }

        return string.Join(", ", parts);
    }

    private static string NextRenewal(IReadOnlyList<ClientPolicy> inForce, DateOnly today)
    {
        var next = inForce.Where(p => p.Renews >= today).OrderBy(p => p.Renews).FirstOrDefault();
        if (next?.Renews is not { } renews)
        {
            return "";
        }

        var days = renews.DayNumber - today.DayNumber;
        var when = days switch { 0 => "today", 1 => "tomorrow", _ => $"in {days} days" };
        return $"Their {next.Line} policy with {next.Carrier} renews on {renews.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {when}.";
    }

    private static string Money(long minor, string currency) =>
        currency == "USD" ? (minor / 100m).ToString("$#,0.00", CultureInfo.InvariantCulture) : $"{minor / 100m:0.00} {currency}";

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
