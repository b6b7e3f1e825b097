using AgentCalls.Clients.Service.Data;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.Settings;

/// <summary>Reads and replaces an agent's book settings.</summary>
public sealed class BookSettingsEditor(ClientsDbContext db, BookSettingsStore store)
{
    public async Task<Proto.BookSettings> GetAsync(Guid agentId, CancellationToken cancellationToken) =>
        ToProto(await store.GetAsync(agentId, cancellationToken));

    public async Task<Proto.BookSettings> UpdateAsync(Guid agentId, Proto.UpdateBookSettingsRequest request, CancellationToken cancellationToken)
    {
        var input = request.Settings ?? new Proto.BookSettings();
        var violations = new FieldViolations();
        Range(input.RenewalWindowDays, 365, "renewalWindowDays", violations);
        Range(input.ContactIntervalDays, 3650, "contactIntervalDays", violations);
        Range(input.LapseWindowDays, 3650, "lapseWindowDays", violations);
        if (!TimeZones.IsKnown(input.TimeZone))
        {
            violations.Add("timeZone", "is not an IANA time zone (for example America/Chicago).");
        }

        if (!E164.IsKnownRegion(input.DefaultRegion))
        {
            violations.Add("defaultRegion", "is not a region phone numbers can be read in (ISO 3166-1 alpha-2, for example US).");
        }

        violations.ThrowIfAny();
        var settings = await db.BookSettings.FirstOrDefaultAsync(s => s.AgentId == agentId, cancellationToken);
        if (settings is null)
        {
            settings = new BookSettings { AgentId = agentId };
            db.BookSettings.Add(settings);
        }

        settings.RenewalWindowDays = input.RenewalWindowDays;
        settings.ContactIntervalDays = input.ContactIntervalDays;
        settings.LapseWindowDays = input.LapseWindowDays;
        settings.TimeZone = input.TimeZone;
        settings.Region = input.DefaultRegion;
        await db.SaveChangesAsync(cancellationToken);
        return ToProto(settings);
    }

    private static void Range(int value, int maximum, string field, FieldViolations violations)
    {
        if (value < 1 || value > maximum)
        {
            violations.Add(field, $"must be between 1 and {maximum}.");
        }
    }

    private static Proto.BookSettings ToProto(BookSettings s) => new()
    {
        RenewalWindowDays = s.RenewalWindowDays,
        ContactIntervalDays = s.ContactIntervalDays,
        LapseWindowDays = s.LapseWindowDays,
        TimeZone = s.TimeZone,
        DefaultRegion = s.Region,
    };
}
