using AgentCalls.Calendar.Service.Settings;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using NodaTime;
using Duration = NodaTime.Duration;

namespace AgentCalls.Calendar.Service.Slots;

/// <summary>ListFreeSlots: checks the request, reads the settings and the busy times, and finds the slots.</summary>
public sealed class FreeSlotQuery(SettingsStore settings, BusyTimes busyTimes, TimeProvider time)
{
    public const int MaximumDays = 62;
    public const int DefaultSlots = 50;
    public const int MaximumSlots = 500;

    public async Task<ListFreeSlotsResponse> ListAsync(Guid agentId, ListFreeSlotsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var first = ReadDate(request.StartDate, "startDate", violations);
        var last = ReadDate(request.EndDate, "endDate", violations);
        if (first is { } f && last is { } l && (l < f || Period.Between(f, l, PeriodUnits.Days).Days > MaximumDays))
        {
            violations.Add("endDate", $"must be on or after startDate and at most {MaximumDays} days after it.");
        }

        if (request.MaxSlots is < 0 or > MaximumSlots)
        {
            violations.Add("maxSlots", $"must be between 1 and {MaximumSlots} (or 0 for {DefaultSlots}).");
        }

        if (request.CallLengthMinutes != 0)
        {
            SettingsMessages.Range(request.CallLengthMinutes, SettingsMessages.MinimumCallLength, SettingsMessages.MaximumCallLength, "callLengthMinutes", violations);
        }

        violations.ThrowIfAny();
        var agentSettings = await settings.GetAsync(agentId, cancellationToken);
        var zone = DateTimeZoneProviders.Tzdb[agentSettings.TimeZone];
        var from = zone.AtStartOfDay(first!.Value).ToInstant();
        var to = zone.AtStartOfDay(last!.Value.PlusDays(1)).ToInstant();
        var busy = await busyTimes.ReadAsync(agentId, from, to, cancellationToken);
        var length = Duration.FromMinutes(request.CallLengthMinutes == 0 ? agentSettings.CallLengthMinutes : request.CallLengthMinutes);
        var slots = FreeSlotFinder.Find(agentSettings, first.Value, last.Value, busy, length,
            Instant.FromDateTimeOffset(time.GetUtcNow()), request.MaxSlots == 0 ? DefaultSlots : request.MaxSlots);

        var response = new ListFreeSlotsResponse { TimeZone = agentSettings.TimeZone };
        response.Slots.AddRange(slots.Select(s => new FreeSlot { StartTime = Timestamp.FromDateTimeOffset(s.Start.ToDateTimeOffset()), EndTime = Timestamp.FromDateTimeOffset(s.End.ToDateTimeOffset()) }));
        return response;
    }

    private static LocalDate? ReadDate(global::Google.Type.Date? date, string field, FieldViolations violations)
    {
        try
        {
            if (date is not null && date.Year is >= 1 and <= 9999)
            {
                return new LocalDate(date.Year, date.Month, date.Day);
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // Not a day of the calendar: reported below.
        }

        violations.Add(field, date is null ? "is required." : "is not a valid date.");
        return null;
    }
}
