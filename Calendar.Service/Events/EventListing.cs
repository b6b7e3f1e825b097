using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Events;

/// <summary>Reads an agent's events overlapping a time range from the cache.</summary>
public sealed class EventListing(CalendarDbContext db)
{
    public static readonly TimeSpan MaximumRange = TimeSpan.FromDays(366);

    public async Task<ListEventsResponse> ListAsync(Guid agentId, ListEventsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (request.StartTime is null)
        {
            violations.Add("startTime", "is required.");
        }

        if (request.EndTime is null)
        {
            violations.Add("endTime", "is required.");
        }

        violations.ThrowIfAny();
        var start = request.StartTime!.ToDateTimeOffset();
        var end = request.EndTime!.ToDateTimeOffset();
        if (end <= start)
        {
            violations.Add("endTime", "must be after startTime.");
        }
        else if (end - start > MaximumRange)
        {
            violations.Add("endTime", $"must be at most {MaximumRange.TotalDays:0} days after startTime.");
        }

        violations.ThrowIfAny();

        var events = await db.Events.AsNoTracking()
            .Where(e => e.AgentId == agentId && e.StartsAt < end && e.EndsAt > start)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.Title, e.StartsAt, e.EndsAt, e.Provider, e.ClientId })
            .ToListAsync(cancellationToken);

        var response = new ListEventsResponse();
        response.Events.AddRange(events.Select(e => new CalendarEvent
        {
            EventId = e.Id.ToString(),
            Title = e.Title,
            StartTime = Timestamp.FromDateTimeOffset(e.StartsAt),
            EndTime = Timestamp.FromDateTimeOffset(e.EndsAt),
            Provider = e.Provider,
            ClientId = e.ClientId?.ToString() ?? "",
        }));
        return response;
    }
}
