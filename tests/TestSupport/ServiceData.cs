using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentCalls.TestSupport;

/// <summary>Reaches a service's own database through its DbContext: rows a test seeds, state a test checks.</summary>
public static class ServiceData
{
    public static async Task AddRowsAsync<TContext>(this IServiceProvider services, IEnumerable<object> rows, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<T> QueryAsync<TContext, T>(this IServiceProvider services, Func<TContext, Task<T>> query)
        where TContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }
}
