using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.CalendarEvents;

/// <summary>Reads an agent's events overlapping a time range from the cache.</summary>
public sealed class EventListing(CalendarDbContext db)
{
    public static readonly TimeSpan MaximumRange = TimeSpan.FromDays(366);

    public const int DefaultPageSize = 250;

    public const int MaximumPageSize = 1000;

    public async Task<ListEventsResponse> ListAsync(Guid agentId, ListEventsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var start = TimestampField.Resolve(request.StartTime, violations, "startTime");
        var end = TimestampField.Resolve(request.EndTime, violations, "endTime");
        var pageSize = PageSize.Resolve(request.PageSize, violations, DefaultPageSize, MaximumPageSize);
        var after = PageToken<DateTimeOffset>.Decode(request.PageToken, violations);
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

        var query = db.Events.AsNoTracking()
            // Overlapping [start, end): an event that ends at start is over; a zero-length one at start is in the range.
            .Where(e => e.AgentId == agentId && e.StartsAt < end && (e.EndsAt > start || e.StartsAt >= start));
        if (after is not null)
        {
            query = query.Where(e => EF.Functions.GreaterThan(ValueTuple.Create(e.StartsAt, e.Id), ValueTuple.Create(after.SortKey, after.Id)));
        }

        var events = await query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var response = new ListEventsResponse();
        response.Events.AddRange(events.Take(pageSize).Select(EventMessages.ToMessage));
        if (events.Count > pageSize)
        {
            var last = events[pageSize - 1];
            response.NextPageToken = new PageToken<DateTimeOffset>(last.StartsAt, last.Id).Encode();
        }

        return response;
    }
}
