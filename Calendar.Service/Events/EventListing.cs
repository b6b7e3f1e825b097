using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Events;

/// <summary>Reads an agent's events overlapping a time range from the cache.</summary>
public sealed class EventListing(CalendarDbContext db)
{
    public static readonly TimeSpan MaximumRange = TimeSpan.FromDays(366);

    public async Task<ListEventsResponse> ListAsync(Guid agentId, ListEventsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var start = TimestampField.Resolve(request.StartTime, violations, "startTime");
        var end = TimestampField.Resolve(request.EndTime, violations, "endTime");
        violations.ThrowIfAny();
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
            // Overlapping [start, end): an event that ends at start is over; a zero-length one at start is in the range.
            .Where(e => e.AgentId == agentId && e.StartsAt < end && (e.EndsAt > start || e.StartsAt >= start))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);

        var response = new ListEventsResponse();
        response.Events.AddRange(events.Select(EventMessages.ToMessage));
        return response;
    }
}
