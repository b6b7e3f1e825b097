using System.Text;

namespace AgentCalls.Clients.Tests;

/// <summary>CSV files for import tests, as other systems write them.</summary>
public static class ImportFiles
{
    public const string Header = "External ID,Name,E-mail Address,Cell,Policy Number,Carrier,Line of Business,Status,Premium,Effective Date,Expiration Date";

    /// <summary>A book of <paramref name="rows"/> clients with one auto policy each; numbers and addresses unique per <paramref name="tag"/>.</summary>
    public static string Book(int rows, string tag, Func<int, string>? name = null)
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInvariant($"{tag}-{i},{name?.Invoke(i) ?? $"Client {i}"},c{i}.{tag}@example.com,+1 {200 + i / 10000:000} 555 {i % 10000:0000},{tag}-P{i},Acme,auto,active,1200.50,2026-01-01,2027-01-01\n"));
        }

        return csv.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
