using System.Globalization;
using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Import;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.Contracts.Clients.V1;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Client = AgentCalls.Clients.Service.Clients.Client;
using Policy = AgentCalls.Clients.Service.Policies.Policy;
using PhoneType = AgentCalls.Clients.Service.Clients.PhoneType;
using PolicyStatus = AgentCalls.Clients.Service.Policies.PolicyStatus;
using AgentCalls.Clients.Service.Import.Mapping;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.Export;

/// <summary>
/// Writes an agent's book as CSV in the import's own format (<see cref="ImportColumns.Canonical"/>): one row per
/// policy, client columns repeated, one row for a client without policies. Clients stream from the database one at
/// a time, so memory stays flat; importing the file reproduces the book (into this book: nothing changes).
/// </summary>
public sealed class CsvExport(ClientsDbContext db)
{
    public async Task WriteAsync(Guid agentId, Stream output, CancellationToken cancellationToken)
    {
        var households = await db.Households.AsNoTracking().Where(h => h.AgentId == agentId).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        await using var csv = CsvWriter.Create(output, CsvFiles.WriterOptions, leaveOpen: true);
        csv.WriteHeader([.. ImportColumns.Canonical.Select(c => c.Header)]);
        var clients = db.Clients.AsNoTracking().Where(c => c.AgentId == agentId).Include(c => c.Policies).OrderBy(c => c.Id).AsAsyncEnumerable();
        await foreach (var client in clients.WithCancellation(cancellationToken))
        {
            var household = client.HouseholdId is { } id ? households.GetValueOrDefault(id) : null;
            var policies = PolicyOrder.Apply(client.Policies).Cast<Policy?>().DefaultIfEmpty();
            foreach (var policy in policies)
            {
                await csv.WriteRecordAsync([.. ImportColumns.Canonical.Select(c => Cell(c.Field, client, household, policy))], cancellationToken);
            }
        }
    }

    private static string? Cell(ImportField field, Client c, string? household, Policy? p) => field switch
    {
        ImportField.ClientId => c.Id.ToString(),
        ImportField.ExternalId => c.ExternalId,
        ImportField.Name => c.DisplayName,
        ImportField.Email => c.Email,
        ImportField.MobilePhone => Phones(c, PhoneType.Mobile),
        ImportField.HomePhone => Phones(c, PhoneType.Home),
        ImportField.WorkPhone => Phones(c, PhoneType.Work),
        ImportField.OtherPhone => Phones(c, PhoneType.Other),
        ImportField.AddressLine1 => c.Address.Line1,
        ImportField.AddressLine2 => c.Address.Line2,
        ImportField.City => c.Address.City,
        ImportField.Region => c.Address.Region,
        ImportField.PostalCode => c.Address.PostalCode,
        ImportField.Country => c.Address.CountryCode,
        ImportField.DateOfBirth => Date(c.DateOfBirth),
        ImportField.Household => household,
        ImportField.ContactWindowStart => c.ContactWindowStart?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ImportField.ContactWindowEnd => c.ContactWindowEnd?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ImportField.TimeZone => c.TimeZone,
        ImportField.DoNotCall => c.DoNotCall ? "yes" : "no",
        ImportField.DoNotCallReason => c.DoNotCallReason,
        ImportField.DoNotCallSince => Date(c.DoNotCallSince),
        ImportField.RecordingConsent => c.RecordingConsent.ToString().ToLowerInvariant(),
        ImportField.Tags => string.Join("; ", c.Tags),
        ImportField.Notes => c.Notes,
        ImportField.LastContacted => c.LastContactedAt?.ToString("O", CultureInfo.InvariantCulture),
        ImportField.LastOutcome => c.LastOutcome,
        _ => p is null ? null : PolicyCell(field, p),
    };

    private static string? PolicyCell(ImportField field, Policy p) => field switch
    {
        ImportField.PolicyNumber => p.PolicyNumber,
        ImportField.Carrier => p.Carrier,
        // What an import filed as other goes out in the file's own words, so importing the export files it the same way.
        ImportField.LineOfBusiness => p.LineOfBusinessText ?? p.LineOfBusiness.ToString().ToLowerInvariant(),
        ImportField.PolicyStatus => p.StatusText ?? (p.Status == PolicyStatus.PendingRenewal ? "pending renewal" : p.Status.ToString().ToLowerInvariant()),
        ImportField.Premium => Premium(p.PremiumMinor, p.Currency),
        ImportField.Currency => p.Currency,
        ImportField.EffectiveDate => Date(p.EffectiveOn),
        ImportField.ExpirationDate => Date(p.ExpiresOn),
        ImportField.EndDate => Date(p.EndedOn),
        ImportField.PolicyNotes => p.Notes,
        _ => null,
    };

    private static string Phones(Client c, PhoneType type) => string.Join("; ", c.Phones.Where(p => p.Type == type).Select(p => p.Number));

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Premium(long minor, string currency)
    {
        var digits = Currencies.MinorDigits(currency);
        return (minor / (decimal)Math.Pow(10, digits)).ToString("F" + digits, CultureInfo.InvariantCulture);
    }
}
