using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction under the context's execution strategy, which may run it
    /// again after a transient fault: the work starts from a clear change tracker each time.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this ClientsDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);

    public static Task InTransactionAsync(this ClientsDbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            await work(ct);
            return true;
        }, cancellationToken);
}
