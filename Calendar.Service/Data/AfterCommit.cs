using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentCalls.Calendar.Service.Data;

/// <summary>
/// Work that must follow a commit, not precede it (making cached busy times stale: done before the commit, a read in
/// between caches the old rows again). Queued on the context while a transaction is open, whoever opened it (an event
/// consumer does, around its handler); run once it commits, dropped if it does not. With no transaction open the
/// change is already committed, and the work runs at once.
/// </summary>
public sealed class AfterCommit : DbTransactionInterceptor
{
    public static readonly AfterCommit Interceptor = new();

    private readonly ConditionalWeakTable<DbContext, List<Func<Task>>> pending = [];

    private AfterCommit()
    {
    }

    public static Task RunAsync(DbContext db, Func<Task> work)
    {
        if (db.Database.CurrentTransaction is null)
        {
            return work();
        }

        Interceptor.pending.GetOrCreateValue(db).Add(work);
        return Task.CompletedTask;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Drop(eventData);
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Drop(eventData);
        return result;
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var work in Take(eventData))
        {
            await work();
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        foreach (var work in Take(eventData))
        {
            work().GetAwaiter().GetResult();
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData);

    private List<Func<Task>> Take(TransactionEventData eventData)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var work))
        {
            pending.Remove(db);
            return work;
        }

        return [];
    }

    /// <summary>Work queued under a transaction that ended without committing (or was never ended) is not done.</summary>
    private void Drop(TransactionEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            pending.Remove(db);
        }
    }
}
