using ImportWorker = AgentCalls.Clients.Service.Import.Jobs.ImportWorker;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Tests;

/// <summary>Imports at the size of a real book: every row, cancellation, and a batch that fails part way (speed is bench/clients' concern).</summary>
public sealed class ImportScaleTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_50000Rows_ImportsEveryRow()
    {
        var agent = await host.NewAgentAsync("Big Book");
        var importId = await host.UploadCsvAsync(agent, ImportFiles.Book(50_000, "big"));

        var import = await host.RunImportAsync(agent, importId);

        Assert.Equal((ImportStatus.Succeeded, 50_000, 50_000, 50_000, 50_000, 0), (import.Status, import.TotalRows, import.RowsDone, import.ClientsCreated, import.PoliciesCreated, import.RowsFailed));
        Assert.Equal(50_000, await host.QueryAsync(db => db.Clients.CountAsync(c => c.AgentId == agent.AgentId, Cancel)));
    }

    [Fact]
    public async Task CancelImport_WhileRunning_StopsAfterACommittedBatch()
    {
        var agent = await host.NewAgentAsync("Cancel Cass");
        var importId = await host.UploadCsvAsync(agent, ImportFiles.Book(60_000, "cancel"));
        await host.Imports.StartImportAsync(new StartImportRequest { ImportId = importId, DuplicateMode = DuplicateMode.Update }, agent.Bearer, cancellationToken: Cancel);
        await host.WaitForImportAsync(agent, importId, i => i.RowsDone > 0);

        await host.Imports.CancelImportAsync(new CancelImportRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);
        var import = await host.WaitForImportAsync(agent, importId, i => i.Status != ImportStatus.Running);
        var stored = await host.QueryAsync(db => db.Clients.CountAsync(c => c.AgentId == agent.AgentId, Cancel));

        Assert.Equal(ImportStatus.Cancelled, import.Status);
        Assert.InRange(import.RowsDone, 1, 59_999);
        Assert.Equal(import.RowsDone, stored);
    }

    [Fact]
    public async Task Import_BatchFailsMidway_KeepsCommittedBatchesWholeAndRerunCompletesWithoutDuplicates()
    {
        var agent = await host.NewAgentAsync("Crash Carl");
        var crashAt = 7_000;
        var csv = ImportFiles.Book(12_000, "crash", i => i == crashAt ? $"Crash {agent.AgentId:N}" : $"Client {i}");
        // A trigger stands in for a crash: the statement inserting the batch with that row fails, as a dying process would.
        var createTrigger = $"""
            CREATE FUNCTION fail_{agent.AgentId:N}() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW.display_name = 'Crash {agent.AgentId:N}' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER fail_{agent.AgentId:N} BEFORE INSERT ON clients FOR EACH ROW EXECUTE FUNCTION fail_{agent.AgentId:N}();
            """;
        var dropTrigger = $"DROP TRIGGER fail_{agent.AgentId:N} ON clients; DROP FUNCTION fail_{agent.AgentId:N}()";
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(createTrigger, Cancel));

        var importId = await host.UploadCsvAsync(agent, csv);
        var failed = await host.RunImportAsync(agent, importId);
        var afterCrash = await host.QueryAsync(db => db.Clients.CountAsync(c => c.AgentId == agent.AgentId, Cancel));
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(dropTrigger, Cancel));
        var rerun = await host.RunImportAsync(agent, importId);

        Assert.Equal((ImportStatus.Failed, 5_000), (failed.Status, failed.RowsDone));
        // The database's own words (here the trigger's) stay in the log: the agent reads what happened and what to do.
        Assert.Equal(ImportWorker.UnexpectedFailure, failed.Error);
        Assert.Equal(5_000, afterCrash);
        Assert.Equal((ImportStatus.Succeeded, 7_000, 5_000), (rerun.Status, rerun.ClientsCreated, rerun.ClientsUnchanged));
        Assert.Equal(12_000, await host.QueryAsync(db => db.Clients.CountAsync(c => c.AgentId == agent.AgentId, Cancel)));
    }
}
