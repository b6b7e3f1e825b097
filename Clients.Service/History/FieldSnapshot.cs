using System.Globalization;
using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Policies;

namespace AgentCalls.Clients.Service.History;

/// <summary>
/// A client's or policy's recorded fields as text, under their API (JSON) names. Comparing the snapshots
/// before and after a change gives the history entry's field changes.
/// </summary>
public static class FieldSnapshot
{
    /// <summary>The snapshot of something that does not exist: before a create, after a delete.</summary>
    public static readonly IReadOnlyDictionary<string, string?> None = new Dictionary<string, string?>();

    public static Dictionary<string, string?> Of(Client c) => new()
    {
        ["displayName"] = c.DisplayName,
        ["email"] = c.Email,
        ["phones"] = c.Phones.Count == 0 ? null : string.Join("; ", c.Phones.Select(p => $"{p.Number} ({p.Type.ToString().ToLowerInvariant()})")),
        ["address.line1"] = c.Address.Line1,
        ["address.line2"] = c.Address.Line2,
        ["address.city"] = c.Address.City,
        ["address.region"] = c.Address.Region,
        ["address.postalCode"] = c.Address.PostalCode,
        ["address.countryCode"] = c.Address.CountryCode,
        ["dateOfBirth"] = Text(c.DateOfBirth),
        ["householdId"] = c.HouseholdId?.ToString(),
        ["contactWindowStart"] = Text(c.ContactWindowStart),
        ["contactWindowEnd"] = Text(c.ContactWindowEnd),
        ["timeZone"] = c.TimeZone,
        ["doNotCall"] = c.DoNotCall ? "true" : "false",
        ["doNotCallReason"] = c.DoNotCallReason,
        ["doNotCallSince"] = Text(c.DoNotCallSince),
        ["recordingConsent"] = c.RecordingConsent.ToString().ToLowerInvariant(),
        ["tags"] = c.Tags.Count == 0 ? null : string.Join(", ", c.Tags),
        ["notes"] = c.Notes,
        ["externalId"] = c.ExternalId,
        ["lastContactedAt"] = c.LastContactedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["lastOutcome"] = c.LastOutcome,
    };

    public static Dictionary<string, string?> Of(Policy p) => new()
    {
        ["policyNumber"] = p.PolicyNumber,
        ["carrier"] = p.Carrier,
        ["lineOfBusiness"] = p.LineOfBusiness.ToString().ToLowerInvariant(),
        ["status"] = p.Status.ToString().ToLowerInvariant(),
        ["premiumMinor"] = p.PremiumMinor.ToString(CultureInfo.InvariantCulture),
        ["currencyCode"] = p.Currency,
        ["effectiveDate"] = Text(p.EffectiveOn),
        ["expirationDate"] = Text(p.ExpiresOn),
        ["endDate"] = Text(p.EndedOn),
        ["notes"] = p.Notes,
    };

    /// <summary>The fields whose text differs; from an empty snapshot for creates, to one for deletes.</summary>
    public static List<FieldChange> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = new List<FieldChange>(after.Count);
        foreach (var (field, from) in before)
        {
            var to = after.GetValueOrDefault(field);
            if (from != to)
            {
                changes.Add(new FieldChange(field, from, to));
            }
        }

        foreach (var (field, to) in after)
        {
            if (to is not null && !before.ContainsKey(field))
            {
                changes.Add(new FieldChange(field, null, to));
            }
        }

        return changes;
    }

    private static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Text(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);
}
