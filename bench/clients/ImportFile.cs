using System.Globalization;
using AgentCalls.Clients.Service.Policies;
using ImportField = AgentCalls.Contracts.Clients.V1.ImportField;
using AgentCalls.Clients.Service.Import.Mapping;

namespace AgentCalls.Bench.Clients;

/// <summary>
/// A CSV file in the import's own format, the one the export writes (<see cref="ImportColumns.Canonical"/>: every
/// column, one row per policy, the client's columns repeated on each), for a book new to the agent.
/// </summary>
public static class ImportFile
{
    /// <summary>The clients of a file of <paramref name="rows"/> rows: the same 2.5 policies per client as the agent's book.</summary>
    public static List<FakeClient> Clients(FakeBook book, int rows) => [.. book.Clients((int)(rows / 2.5), rows)];

    public static async Task WriteAsync(string path, IEnumerable<FakeClient> clients, CancellationToken cancellationToken)
    {
        await using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 20);
        await file.WriteAsync(string.Join(',', ImportColumns.Canonical.Select(c => c.Header)) + "\n");
        var external = 0;
        foreach (var client in clients)
        {
            external++;
            foreach (var policy in client.Policies)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await file.WriteAsync(string.Join(',', ImportColumns.Canonical.Select(c => Cell(c.Field, client, policy, external))) + "\n");
            }
        }
    }

    private static string Cell(ImportField field, FakeClient c, FakePolicy p, int external) => field switch
    {
        ImportField.ExternalId => $"EXT-{external}",
        ImportField.Name => c.Name,
        ImportField.Email => c.Email,
        ImportField.MobilePhone => c.Phone,
        ImportField.City => c.Place.City,
        ImportField.Region => c.Place.Region,
        ImportField.PostalCode => c.Place.Zip,
        ImportField.Country => "US",
        ImportField.DateOfBirth => Date(c.DateOfBirth),
        ImportField.TimeZone => "America/Chicago",
        ImportField.DoNotCall => c.DoNotCall ? "yes" : "no",
        ImportField.RecordingConsent => "unknown",
        ImportField.LastContacted => c.LastContactedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        ImportField.PolicyNumber => p.Number,
        ImportField.Carrier => p.Carrier,
        ImportField.LineOfBusiness => p.Line.ToString().ToLowerInvariant(),
        ImportField.PolicyStatus => p.Status == PolicyStatus.PendingRenewal ? "pending renewal" : p.Status.ToString().ToLowerInvariant(),
        ImportField.Premium => (p.PremiumMinor / 100m).ToString("F2", CultureInfo.InvariantCulture),
        ImportField.Currency => "USD",
        ImportField.EffectiveDate => Date(p.EffectiveOn),
        ImportField.ExpirationDate => Date(p.ExpiresOn),
        ImportField.EndDate => p.EndedOn is { } ended ? Date(ended) : "",
        _ => "",
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
