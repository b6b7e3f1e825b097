using System.Linq.Expressions;
using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Events;
using AgentCalls.Calendar.Service.Providers;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Calls;

/// <summary>A call never double-books: its time must not overlap a busy event of the agent's.</summary>
public static class CallOverlaps
{
    public static async Task ThrowIfTakenAsync(
        CalendarDbContext db, Guid agentId, DateTimeOffset start, DateTimeOffset end, Expression<Func<CachedEvent, bool>> except, CancellationToken cancellationToken)
    {
        var taken = await db.Events.AsNoTracking()
            .Where(e => e.AgentId == agentId && e.Busy && e.StartsAt < end && e.EndsAt > start)
            .Where(except)
            .OrderBy(e => e.StartsAt)
            .Select(e => new { e.Title, e.StartsAt, e.EndsAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw CalendarErrors.SlotTaken($"That time overlaps \"{taken.Title}\" ({taken.StartsAt:u} to {taken.EndsAt:u}).");
        }
    }
}
