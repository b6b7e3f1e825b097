using System.Collections.Frozen;
using System.Text.Json;
using AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Clients.Service.Import.Mapping;

/// <summary>
/// The CSV format: each field's header as the export writes it, and the other headers agency systems use for it.
/// Headers are compared by their letters and digits only, ignoring case ("E-mail Address" = "emailaddress").
/// </summary>
public static class ImportColumns
{
    private const string HeadersResource = "AgentCalls.Clients.Service.Import.Mapping.ImportHeaders.json";

    /// <summary>The export's columns, in order; an import of an export maps every one of them automatically.</summary>
    public static readonly IReadOnlyList<(ImportField Field, string Header)> Canonical =
    [
        (ImportField.ClientId, "Client ID"), (ImportField.ExternalId, "External ID"), (ImportField.Name, "Name"),
        (ImportField.Email, "Email"), (ImportField.MobilePhone, "Mobile Phone"), (ImportField.HomePhone, "Home Phone"),
        (ImportField.WorkPhone, "Work Phone"), (ImportField.OtherPhone, "Other Phone"), (ImportField.AddressLine1, "Address Line 1"),
        (ImportField.AddressLine2, "Address Line 2"), (ImportField.City, "City"), (ImportField.Region, "Region"),
        (ImportField.PostalCode, "Postal Code"), (ImportField.Country, "Country"), (ImportField.DateOfBirth, "Date of Birth"),
        (ImportField.Household, "Household"), (ImportField.ContactWindowStart, "Contact Window Start"),
        (ImportField.ContactWindowEnd, "Contact Window End"), (ImportField.TimeZone, "Time Zone"), (ImportField.DoNotCall, "Do Not Call"),
        (ImportField.DoNotCallReason, "Do Not Call Reason"), (ImportField.DoNotCallSince, "Do Not Call Since"),
        (ImportField.RecordingConsent, "Recording Consent"), (ImportField.Tags, "Tags"), (ImportField.Notes, "Notes"),
        (ImportField.LastContacted, "Last Contacted"), (ImportField.LastOutcome, "Last Outcome"), (ImportField.PolicyNumber, "Policy Number"),
        (ImportField.Carrier, "Carrier"), (ImportField.LineOfBusiness, "Line of Business"), (ImportField.PolicyStatus, "Policy Status"),
        (ImportField.Premium, "Premium"), (ImportField.Currency, "Currency"), (ImportField.EffectiveDate, "Effective Date"),
        (ImportField.ExpirationDate, "Expiration Date"), (ImportField.EndDate, "Lapse or Cancel Date"), (ImportField.PolicyNotes, "Policy Notes"),
    ];

    /// <summary>
    /// Each field's headers as agency management systems and spreadsheets write them, kept as data
    /// (<c>ImportHeaders.json</c>, embedded) so that adding one is a line there and a test.
    /// </summary>
    public static readonly IReadOnlyDictionary<ImportField, string[]> KnownHeaders = LoadKnownHeaders();

    private static readonly FrozenDictionary<string, ImportField> ByName = Canonical
        .Select(c => (c.Field, Name: c.Header))
        .Concat(KnownHeaders.SelectMany(known => known.Value.Select(name => (Field: known.Key, Name: name))))
        .GroupBy(x => Normalize(x.Name))
        .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Field).Distinct().Count() == 1
            ? g.First().Field
            : throw new InvalidOperationException($"The header \"{g.First().Name}\" is listed for {string.Join(" and ", g.Select(x => x.Field).Distinct())}."));

    /// <summary>The field a header most likely means; unspecified when it is not one we know.</summary>
    public static ImportField Recognize(string header) => ByName.GetValueOrDefault(Normalize(header), ImportField.Unspecified);

    public static string HeaderOf(ImportField field) => Canonical.FirstOrDefault(c => c.Field == field).Header ?? field.ToString();

    private static Dictionary<ImportField, string[]> LoadKnownHeaders()
    {
        using var stream = typeof(ImportColumns).Assembly.GetManifestResourceStream(HeadersResource)
            ?? throw new InvalidOperationException($"The resource {HeadersResource} is missing from the build.");
        var byName = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream) ?? [];
        return byName.ToDictionary(known => Enum.Parse<ImportField>(known.Key), known => known.Value);
    }

    private static string Normalize(string header) => new([.. header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
