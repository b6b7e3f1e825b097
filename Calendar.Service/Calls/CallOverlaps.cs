using System.Linq.Expressions;
using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Calendar.Service.Providers;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Calls;

/// <summary>
/// A call never double-books: its time must not overlap a busy event of the agent's. The check and the write that
/// follows it run in one transaction holding the agent's advisory lock, so two calls of one agent cannot both pass
/// the check for the same time.
/// </summary>
public static class CallOverlaps
{
    /// <summary>Takes the agent's scheduling lock until the current transaction ends.</summary>
    public static Task LockAgentAsync(CalendarDbContext db, Guid agentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"calendar-calls:" + agentId}, 0))", cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a transaction holding the agent's scheduling lock, and commits it.</summary>
    public static async Task<T> UnderAgentLockAsync<T>(CalendarDbContext db, Guid agentId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await LockAgentAsync(db, agentId, ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

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
