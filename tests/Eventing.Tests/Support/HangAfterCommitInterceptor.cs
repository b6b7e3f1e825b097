using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentCalls.Eventing.Tests.Support;

/// <summary>
/// Once armed for one DbContext, lets that context's next commit reach the database and then never returns
/// (until the host stops): the consumer is caught after applying an event and before acknowledging it, as if
/// its process died there.
/// </summary>
public sealed class HangAfterCommitInterceptor : DbTransactionInterceptor
{
    private readonly TaskCompletionSource committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DbContext? armed;

    /// <summary>Completes when the armed commit has reached the database.</summary>
    public Task Committed => committed.Task;

    public void Arm(DbContext context) => Volatile.Write(ref armed, context);

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && ReferenceEquals(Interlocked.CompareExchange(ref armed, null, context), context))
        {
            committed.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
