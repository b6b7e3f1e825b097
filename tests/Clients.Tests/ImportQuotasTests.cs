using System.Net;
using System.Text;
using AgentCalls.Clients.Service.Import;
using AgentCalls.Clients.Service.Import.Jobs;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using DuplicateMode = AgentCalls.Contracts.Clients.V1.DuplicateMode;
using ImportStatus = AgentCalls.Contracts.Clients.V1.ImportStatus;

namespace AgentCalls.Clients.Tests;

/// <summary>
/// What one agent may take of the import machinery (file size, stored bytes, queued imports), agents served in turn,
/// a job that keeps killing its worker failed, and files nobody imports removed after a while.
/// </summary>
public sealed class ImportQuotasTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ImportDatabase Database => host.Services.GetRequiredService<ImportDatabase>();

    [Fact]
    public async Task Upload_PastTheFileLimit_Is413NamingFileAndStoresNothing()
    {
        var agent = await host.NewAgentAsync("Olive Oversize");
        var csv = Encoding.UTF8.GetBytes(ImportFiles.Header + "\n");

        var upload = await host.UploadAsync(agent, [.. csv, .. new byte[ClientsServiceHost.MaxFileBytes]]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        Assert.Contains("is larger than 16,777,216 bytes", upload.Body.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, await ImportsOfAsync(agent));
    }

    [Fact]
    public async Task Upload_PastTheAgentsStoredBytes_Is429_WhileAnotherAgentStillUploads()
    {
        var agent = await host.NewAgentAsync("Stella Storage");
        var other = await host.NewAgentAsync("Otto Other");
        var file = Padded(ImportFiles.Book(2, "store"), ClientsServiceHost.MaxFileBytes - 1024);

        var first = await host.UploadAsync(agent, file);
        var second = await host.UploadAsync(agent, file);
        var othersFirst = await host.UploadAsync(other, file);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("at most 24 MiB are kept", second.Body.GetProperty("detail").GetString());
        Assert.Equal(1, await ImportsOfAsync(agent));
        Assert.Equal(HttpStatusCode.Created, othersFirst.StatusCode);
    }

    [Fact]
    public async Task StartImport_WithTheAgentsQueueFull_IsResourceExhausted_AndTheImportStaysUnstarted()
    {
        var agent = await host.NewAgentAsync("Quentin Queue");
        // Three imports held by a worker of another replica (their leases stand), so none ends while the test runs.
        for (var i = 0; i < 3; i++)
        {
            await HoldAsRunningAsync(Guid.Parse(await host.UploadCsvAsync(agent, ImportFiles.Book(1, $"held{i}"))));
        }

        var fourth = await host.UploadCsvAsync(agent, ImportFiles.Book(1, "fourth"));
        var refused = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, async () =>
            await host.Imports.StartImportAsync(new StartImportRequest { ImportId = fourth, DuplicateMode = DuplicateMode.Update }, agent.Bearer, cancellationToken: Cancel));
        var import = await host.Imports.GetImportAsync(new GetImportRequest { ImportId = fourth }, agent.Bearer, cancellationToken: Cancel);

        Assert.Contains("3 imports queued or running", refused.Status.Detail);
        Assert.Equal("queued-imports", refused.GetRpcStatus()?.GetDetail<QuotaFailure>()?.Violations.Single().Subject);
        Assert.Equal(ImportStatus.Uploaded, import.Status);
    }

    [Fact]
    public async Task Worker_AgentWithAnImportRunning_GetsNoSecondWorker_WhileAnotherAgentsImportRunsToTheEnd()
    {
        var busy = await host.NewAgentAsync("Bea Busy");
        var waiting = await host.NewAgentAsync("Wes Waiting");
        await HoldAsRunningAsync(Guid.Parse(await host.UploadCsvAsync(busy, ImportFiles.Book(1, "busy-held"))));
        var busysSecond = await host.UploadCsvAsync(busy, ImportFiles.Book(3, "busy-second"));
        await host.Imports.StartImportAsync(new StartImportRequest { ImportId = busysSecond, DuplicateMode = DuplicateMode.Update }, busy.Bearer, cancellationToken: Cancel);

        var waitingsImport = await host.ImportCsvAsync(waiting, ImportFiles.Book(3, "waiting"));
        var busysStill = await host.Imports.GetImportAsync(new GetImportRequest { ImportId = busysSecond }, busy.Bearer, cancellationToken: Cancel);

        Assert.Equal((ImportStatus.Succeeded, 3), (waitingsImport.Status, waitingsImport.ClientsCreated));
        Assert.Equal(ImportStatus.Queued, busysStill.Status);
    }

    [Fact]
    public async Task Worker_JobWhoseWorkersDiedTwiceBeforeABatch_IsFailedWithTheReason_NotRunAgain()
    {
        var agent = await host.NewAgentAsync("Dee Dies");
        var id = Guid.Parse(await host.UploadCsvAsync(agent, ImportFiles.Book(5, "dies")));
        // A worker already died once holding it; now the second's lease has run out.
        await LeaveAsAbandonedAsync(id, abandonedBefore: 1);

        var import = await host.WaitForImportAsync(agent, id.ToString(), i => i.Status is not (ImportStatus.Queued or ImportStatus.Running));

        Assert.Equal((ImportStatus.Failed, ImportWorker.AbandonedFailure, 0), (import.Status, import.Error, import.RowsDone));
        Assert.Empty(await host.AllClientsAsync(agent));
    }

    [Fact]
    public async Task Worker_JobWhoseWorkerDiedOnce_ResumesAndItsCountIsClearedByTheCommittedBatch()
    {
        var agent = await host.NewAgentAsync("Rhea Resumes");
        var id = Guid.Parse(await host.UploadCsvAsync(agent, ImportFiles.Book(5, "resumes")));
        await LeaveAsAbandonedAsync(id, abandonedBefore: 0);

        var import = await host.WaitForImportAsync(agent, id.ToString(), i => i.Status is not (ImportStatus.Queued or ImportStatus.Running));
        var abandonedRuns = await host.QueryAsync(db => db.Imports.Where(j => j.Id == id).Select(j => j.AbandonedRuns).SingleAsync(Cancel));

        Assert.Equal((ImportStatus.Succeeded, 5), (import.Status, import.ClientsCreated));
        Assert.Equal(0, abandonedRuns);
    }

    [Fact]
    public async Task Purge_RemovesOldUnstartedUploadsAndOldDryRunFiles_KeepsTheRecords_AndLeavesRecentOnesAlone()
    {
        var agent = await host.NewAgentAsync("Pat Purge");
        var unstartedOld = Guid.Parse(await host.UploadCsvAsync(agent, ImportFiles.Book(1, "old-unstarted")));
        var unstartedNew = Guid.Parse(await host.UploadCsvAsync(agent, ImportFiles.Book(1, "new-unstarted")));
        var dryRun = await host.ImportCsvAsync(agent, ImportFiles.Book(2, "old-dry"), dryRun: true);
        var dryRunId = Guid.Parse(dryRun.ImportId);
        await ExecuteAsync("UPDATE imports SET created_at = now() - interval '2 days' WHERE id = @id", ("id", unstartedOld));
        await ExecuteAsync("UPDATE imports SET finished_at = now() - interval '2 days' WHERE id = @id", ("id", dryRunId));

        await host.Services.GetRequiredService<ImportPurge>().PurgeAsync(Cancel);

        var left = await host.QueryAsync(db => db.Imports.Where(j => j.AgentId == agent.AgentId).Select(j => j.Id).ToListAsync(Cancel));
        var chunks = await host.QueryAsync(db => db.Set<ImportFileChunk>().Where(c => c.ImportId == dryRunId || c.ImportId == unstartedNew).Select(c => c.ImportId).Distinct().ToListAsync(Cancel));
        var removed = await host.Imports.GetImportAsync(new GetImportRequest { ImportId = dryRun.ImportId }, agent.Bearer, cancellationToken: Cancel);
        var startAgain = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, async () =>
            await host.Imports.StartImportAsync(new StartImportRequest { ImportId = dryRun.ImportId, DuplicateMode = DuplicateMode.Update }, agent.Bearer, cancellationToken: Cancel));

        Assert.Equal(new[] { unstartedNew, dryRunId }.Order(), left.Order());
        Assert.Equal([unstartedNew], chunks);
        Assert.NotNull(removed.FileRemovedAt);
        Assert.Equal(2, removed.ClientsCreated);
        Assert.Contains("upload it again", startAgain.Status.Detail);
    }

    private static byte[] Padded(string csv, long bytes)
    {
        // Blank lines after the rows: the file is as large as wanted and still reads as those rows.
        var content = Encoding.UTF8.GetBytes(csv);
        var padding = Enumerable.Repeat((byte)'\n', (int)(bytes - content.Length));
        return [.. content, .. padding];
    }

    private Task<int> ImportsOfAsync(SignedInAgent agent) =>
        host.QueryAsync(db => db.Imports.CountAsync(i => i.AgentId == agent.AgentId, Cancel));

    /// <summary>Leaves the import as a worker that died holding it would (running, its lease run out), and wakes the service's worker.</summary>
    private async Task LeaveAsAbandonedAsync(Guid id, int abandonedBefore)
    {
        await ExecuteAsync("""
            UPDATE imports SET status = 'Running', dry_run = false, duplicate_mode = 'Update', lease_token = gen_random_uuid(),
              lease_expires_at = now() - interval '1 second', queued_at = now(), started_at = now(), abandoned_runs = @abandoned
            WHERE id = @id
            """, ("id", id), ("abandoned", abandonedBefore));
        host.Services.GetRequiredService<ImportSignal>().Notify();
    }

    /// <summary>Marks the import running under a lease of another replica's worker that stands for an hour.</summary>
    private Task HoldAsRunningAsync(Guid id) => ExecuteAsync("""
        UPDATE imports SET status = 'Running', lease_token = gen_random_uuid(), lease_expires_at = now() + interval '1 hour',
          queued_at = now(), started_at = now()
        WHERE id = @id
        """, ("id", id));

    private async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await Database.OpenAsync(Cancel);
        await ImportDatabase.ExecuteAsync(connection, sql, Cancel, parameters);
    }
}

/// <summary>The gateway's limit on the upload route and the service's own agree (<see cref="GatewayRoutes.UploadMargin"/>).</summary>
public sealed class ImportUploadRouteTests
{
    [Fact]
    public void GatewayUploadRoute_BoundsTheBodyAtTheServicesLimitPlusTheMargin() =>
        Assert.Equal(new ImportOptions().MaxFileBytes + GatewayRoutes.UploadMargin, GatewayRoutes.MaxRequestBodySize("clients-import-upload"));
}

/// <summary>An upload trickled slower than the minimum rate, against the service on Kestrel (which enforces it).</summary>
public sealed class SlowUploadTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_TrickledBelowTheMinimumRate_IsCutOff_AndStoresNothing()
    {
        var agent = await host.NewAgentAsync("Tricia Trickle");
        var port = FreePort.Next();
        await using var kestrel = host.CreateInstance(service =>
        {
            service.UseSetting("Import:MinUploadBytesPerSecond", "1000");
            service.UseSetting("Import:UploadGracePeriod", "00:00:02");
            service.UseSetting("Kestrel:Endpoints:http:Url", $"http://127.0.0.1:{port}");
        });
        kestrel.UseKestrel();
        kestrel.StartServer();

        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port, Cancel);
        await using var stream = tcp.GetStream();
        var head = $"POST /api/clients/imports?fileName=slow.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {agent.AccessToken}\r\n"
            + "Content-Type: text/csv\r\nContent-Length: 1000000\r\n\r\n" + ImportFiles.Header + "\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Cancel);

        // Then 500 bytes a second: above Kestrel's own floor (240 B/s), below the service's 1000. The server ends the
        // request (408) or the connection well before the million bytes come.
        var answer = new byte[4096];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var reading = ReadOrResetAsync(stream, answer, deadline.Token);
        var row = Encoding.ASCII.GetBytes(new string('x', 249) + "\n");
        while (!reading.IsCompleted && !deadline.IsCancellationRequested && await SendOrResetAsync(stream, row, deadline.Token))
        {
            await Task.WhenAny(reading, Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token));
        }

        var read = await reading;
        var stored = await host.QueryAsync(db => db.Imports.CountAsync(i => i.AgentId == agent.AgentId, Cancel));

        Assert.True(read == 0 || Encoding.ASCII.GetString(answer, 0, read).StartsWith("HTTP/1.1 408", StringComparison.Ordinal),
            $"expected the request cut off, got: {Encoding.ASCII.GetString(answer, 0, read)}");
        Assert.Equal(0, stored);
    }

    private static async Task<bool> SendOrResetAsync(Stream stream, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(bytes, cancellationToken);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<int> ReadOrResetAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

/// <summary>Uploads one agent may have in progress at once: the slots, as the upload endpoint takes them.</summary>
public sealed class UploadSlotsTests
{
    [Fact]
    public void TakingMoreSlotsThanTheLimit_IsRefusedForThatAgentOnly_UntilOneIsGivenBack()
    {
        using var slots = new UploadSlots(Microsoft.Extensions.Options.Options.Create(new ImportOptions { MaxConcurrentUploadsPerAgent = 2 }));
        var (agent, other) = (Guid.NewGuid(), Guid.NewGuid());

        var first = slots.TryTake(agent);
        var second = slots.TryTake(agent);
        var third = slots.TryTake(agent);
        var others = slots.TryTake(other);
        first!.Dispose();
        var afterRelease = slots.TryTake(agent);

        Assert.NotNull(second);
        Assert.Null(third);
        Assert.NotNull(others);
        Assert.NotNull(afterRelease);
    }
}
