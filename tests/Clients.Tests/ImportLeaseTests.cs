using System.Text;
using AgentCalls.Clients.Service.Import;
using AgentCalls.Clients.Service.Import.Jobs;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ImportStatus = AgentCalls.Contracts.Clients.V1.ImportStatus;

namespace AgentCalls.Clients.Tests;

/// <summary>
/// A worker whose lease ran out while it was still merging (slow, not dead) and the worker that took the job over:
/// only one of them may commit the batch.
/// </summary>
public sealed class ImportLeaseTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ImportDatabase Database => host.Services.GetRequiredService<ImportDatabase>();

    [Fact]
    public async Task Import_LeaseRunsOutWhileTheFirstWorkerStillMerges_SecondWorkerTakesOverWithoutDuplicates()
    {
        var agent = await host.NewAgentAsync("Lease Lee");
        var csv = new StringBuilder("Name,Email,Household\n");
        for (var i = 0; i < 20; i++)
        {
            csv.Append($"Client {i},c{i}.lease@example.com,Lease Home\n");
        }

        var importId = await host.UploadCsvAsync(agent, csv.ToString());
        var id = Guid.Parse(importId);
        // The first worker holds the job with a lease the service's own worker must respect, for now.
        var first = new ImportLease(id, Guid.NewGuid());
        await ExecuteAsync("""
            UPDATE imports SET status = 'Running', dry_run = false, duplicate_mode = 'Update', lease_token = @token,
              lease_expires_at = now() + interval '1 hour', queued_at = now(), started_at = now()
            WHERE id = @id
            """, ("token", first.Token), ("id", id));
        var job = await host.QueryAsync(db => db.Imports.AsNoTracking().FirstAsync(j => j.Id == id, Cancel));

        // The test holds the file's household, uncommitted: a batch that reaches its households step waits for it.
        await using var holder = await Database.OpenAsync(Cancel);
        await using var held = await holder.BeginTransactionAsync(Cancel);
        await ImportDatabase.ExecuteAsync(holder,
            "INSERT INTO households (id, agent_id, name, normalized_name, created_at) VALUES (gen_random_uuid(), @agent, 'Lease Home', 'lease home', now())",
            Cancel, ("agent", agent.AgentId));

        var slow = Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CsvClientImporter>().RunAsync(job, first, Cancel);
        }, Cancel);
        await WaitUntilWaitingOnAsync(holder.ProcessID, 1, slow);

        // Its lease runs out while it waits; the service's worker claims the job and resumes it, and waits in turn.
        await ExecuteAsync("UPDATE imports SET lease_expires_at = now() - interval '1 second' WHERE id = @id", ("id", id));
        host.Services.GetRequiredService<ImportSignal>().Notify();
        await WaitUntilWaitingOnAsync(holder.ProcessID, 2, slow);
        await held.RollbackAsync(Cancel);

        var stopped = await Record.ExceptionAsync(() => slow);
        var import = await host.WaitForImportAsync(agent, importId, i => i.Status is not (ImportStatus.Queued or ImportStatus.Running));
        var clients = await host.AllClientsAsync(agent);

        Assert.Equal((ImportStatus.Succeeded, 20, 20), (import.Status, import.RowsDone, import.ClientsCreated));
        Assert.Equal(20, clients.Count);
        Assert.Equal(20, clients.Select(c => c.Email).Distinct().Count());
        Assert.IsType<ImportLeaseLostException>(stopped);
    }

    /// <summary>Waits until <paramref name="count"/> sessions wait, directly or through each other, on the holder's locks (or the first worker has stopped).</summary>
    private async Task WaitUntilWaitingOnAsync(int holderPid, int count, Task firstWorker)
    {
        await using var connection = await Database.OpenAsync(Cancel);
        await Eventually.IsTrueAsync(async () =>
        {
            await using var command = ImportDatabase.Command(connection, """
                WITH RECURSIVE waiting(pid) AS (
                  SELECT pid FROM pg_stat_activity WHERE @holder = ANY (pg_blocking_pids(pid))
                  UNION
                  SELECT a.pid FROM pg_stat_activity AS a JOIN waiting AS w ON w.pid = ANY (pg_blocking_pids(a.pid)))
                SELECT count(*)::int FROM waiting
                """, ("holder", holderPid));
            return firstWorker.IsCompleted || (int)(await command.ExecuteScalarAsync(Cancel))! >= count;
        }, TimeSpan.FromMinutes(1));
    }

    private async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await Database.OpenAsync(Cancel);
        await ImportDatabase.ExecuteAsync(connection, sql, Cancel, parameters);
    }
}
