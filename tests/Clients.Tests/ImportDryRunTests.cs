using AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Clients.Tests;

/// <summary>Dry runs: they count what a real run would do, and leave the live book free for the agent meanwhile.</summary>
public sealed class ImportDryRunTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DryRun_WhileRunning_DoesNotHoldUpAnUpdateOfAMatchedClient()
    {
        var agent = await host.NewAgentAsync("Dry Lock Lou");
        var existing = await host.CreateClientAsync(agent, "Locked Lena", c => c.Email = "c0.drylock@example.com");
        var importId = await host.UploadCsvAsync(agent, ImportFiles.Book(40_000, "drylock"));
        await host.Imports.StartImportAsync(
            new StartImportRequest { ImportId = importId, DryRun = true, DuplicateMode = DuplicateMode.Update }, agent.Bearer, cancellationToken: Cancel);
        // The first batch, which matched Lena (line 2), has been merged.
        await host.WaitForImportAsync(agent, importId, i => i.RowsDone > 0);

        var change = existing.Clone();
        change.DisplayName = "Lena Renamed";
        var updated = await host.Clients.UpdateClientAsync(new UpdateClientRequest { Client = change }, agent.Bearer,
            deadline: DateTime.UtcNow.AddMinutes(2), cancellationToken: Cancel);
        var during = await host.Imports.GetImportAsync(new GetImportRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);
        var dry = await host.WaitForImportAsync(agent, importId, i => i.Status is not (ImportStatus.Queued or ImportStatus.Running));

        Assert.Equal("Lena Renamed", updated.DisplayName);
        Assert.Equal(ImportStatus.Running, during.Status);
        Assert.Equal((ImportStatus.Succeeded, 39_999, 1, 40_000), (dry.Status, dry.ClientsCreated, dry.ClientsUpdated, dry.PoliciesCreated));
        Assert.Equal(["Lena Renamed"], (await host.AllClientsAsync(agent)).Select(c => c.DisplayName));
    }

    [Fact]
    public async Task DryRun_ClientsRepeatedInALaterBatch_CountsWhatTheRealRunDoes()
    {
        var agent = await host.NewAgentAsync("Across Abe");
        var book = ImportFiles.Book(5_001, "across");
        var lines = book.Split('\n');
        // Rows 1 to 5,000 fill the first batch; the second holds row 5,001 and the first two clients again, one renamed.
        var csv = book + lines[1] + "\n" + lines[2].Replace("Client 1", "Client One", StringComparison.Ordinal) + "\n";
        var importId = await host.UploadCsvAsync(agent, csv);

        var dry = await host.RunImportAsync(agent, importId, dryRun: true);
        var afterDry = await host.AllClientsAsync(agent);
        var real = await host.RunImportAsync(agent, importId);

        Assert.Equal((ImportStatus.Succeeded, 5_001, 1, 1, 5_001, 0), (real.Status, real.ClientsCreated, real.ClientsUpdated, real.ClientsUnchanged, real.PoliciesCreated, real.PoliciesUpdated));
        Assert.Equal(
            (real.Status, real.ClientsCreated, real.ClientsUpdated, real.ClientsUnchanged, real.PoliciesCreated, real.PoliciesUpdated, real.RowsDone),
            (dry.Status, dry.ClientsCreated, dry.ClientsUpdated, dry.ClientsUnchanged, dry.PoliciesCreated, dry.PoliciesUpdated, dry.RowsDone));
        Assert.Empty(afterDry);
    }

    [Fact]
    public async Task DryRun_NewNames_AddNoWordToTheLexiconWhichTheRealRunDoes()
    {
        var agent = await host.NewAgentAsync("Dry Word Wes");
        var word = ClientsServiceHost.NewWord();
        var importId = await host.UploadCsvAsync(agent, $"Name,Email\nWendy {word},wendy@example.com\n");

        await host.RunImportAsync(agent, importId, dryRun: true);
        var afterDry = await host.IsSearchWordAsync(word);
        await host.RunImportAsync(agent, importId);

        Assert.False(afterDry);
        Assert.True(await host.IsSearchWordAsync(word));
    }
}
