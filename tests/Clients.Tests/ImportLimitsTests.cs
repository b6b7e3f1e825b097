using System.Net;
using System.Text;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Tests;

/// <summary>Files built to exhaust the service: refused with a reason the agent can act on, the service still answering.</summary>
public sealed class ImportLimitsTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_ATenMegabyteField_FailsWithTheLimitNamedAndKeepsTheRowsBeforeIt()
    {
        var agent = await host.NewAgentAsync("Huge Field");
        var csv = ImportFiles.Book(3, "huge") + "\"" + new string('x', 10 * 1024 * 1024) + "\"\n";

        var import = await host.RunImportAsync(agent, await host.UploadCsvAsync(agent, csv));
        var book = await host.Clients.ListClientsAsync(new ListClientsRequest(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal((ImportStatus.Failed, 3), (import.Status, import.RowsDone));
        Assert.Contains("after row 3 is longer than 64 KiB", import.Error);
        Assert.Equal(3, book.Clients.Count);
    }

    [Fact]
    public async Task Upload_AHeaderWithThousandsOfColumns_IsRefusedNamingTheFileAndStoresNothing()
    {
        var agent = await host.NewAgentAsync("Wide Header");
        var header = string.Join(',', Enumerable.Range(1, 5_000).Select(i => $"Column {i}"));

        var upload = await host.UploadAsync(agent, Encoding.UTF8.GetBytes(header + "\n" + new string(',', 4_999) + "\n"));
        var stored = await host.QueryAsync(db => db.Imports.CountAsync(i => i.AgentId == agent.AgentId, Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains("at most 200", upload.Body.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, stored);
    }
}
