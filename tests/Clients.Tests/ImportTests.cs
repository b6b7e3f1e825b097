using System.Net;
using System.Text;
using AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Clients.Tests;

/// <summary>CSV import: the shapes real files come in, the error report, dry runs, duplicates and modes.</summary>
public sealed class ImportTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_BomSemicolonsQuotedFieldsAndBlankLines_ReadsEveryValue()
    {
        var agent = await host.NewAgentAsync("Quoted Quinn");
        var csv = "\uFEFFName;Email;Notes;Tags;Mobile Phone\r\n"
                  + "\"Smith; John\";js@example.com;\"Line one\r\nline \"\"two\"\"\";\"a, b\";202-555-0101\r\n"
                  + "\r\n"
                  + "\r\n"
                  + "Ann Ames;ann@example.com;;;\r\n";

        var upload = await host.UploadAsync(agent, Encoding.UTF8.GetBytes(csv));
        var import = await host.RunImportAsync(agent, upload.Body.GetProperty("importId").GetString()!);
        var clients = await host.AllClientsAsync(agent);
        var john = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = clients.Single(c => c.DisplayName == "Smith; John").ClientId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(";", upload.Body.GetProperty("delimiter").GetString());
        Assert.Equal(2, upload.Body.GetProperty("totalRows").GetInt32());
        Assert.Equal((ImportStatus.Succeeded, 2, 2, 0), (import.Status, import.RowsDone, import.ClientsCreated, import.RowsFailed));
        Assert.Equal(["Ann Ames", "Smith; John"], clients.Select(c => c.DisplayName));
        Assert.Equal("Line one\r\nline \"two\"", john.Notes);
        Assert.Equal(["a", "b"], john.Tags);
        Assert.Equal("+12025550101", Assert.Single(john.Phones).Number);
    }

    [Fact]
    public async Task Upload_Headers_AreMappedAutomaticallyAndCanBeOverridden()
    {
        var agent = await host.NewAgentAsync("Mapping Mia");
        var importId = await host.UploadCsvAsync(agent, "Cliente,E-mail Address,Cell,Zip\nLuz Lopez,luz@example.com,2025550102,60601\n");

        var suggested = await host.Imports.GetImportAsync(new GetImportRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);
        var import = await host.RunImportAsync(agent, importId, mapping: new ColumnMapping { ColumnIndex = 0, Field = ImportField.Name });
        var client = Assert.Single(await host.AllClientsAsync(agent));

        Assert.Equal([ImportField.Unspecified, ImportField.Email, ImportField.MobilePhone, ImportField.PostalCode], suggested.Mapping.Select(m => m.Field));
        Assert.Equal(ImportField.Name, import.Mapping[0].Field);
        Assert.Equal(("Luz Lopez", "luz@example.com", "+12025550102"), (client.DisplayName, client.Email, client.Phone));
    }

    [Fact]
    public async Task Import_DuplicateRowsAndOneClientOnSeveralRows_CreatesEachClientOnce()
    {
        var agent = await host.NewAgentAsync("Dupe Dora");
        var csv = "Name,Email,Policy Number,Carrier,Line of Business,Status\n"
                  + "Ben Bell,ben@example.com,AU-1,Acme,auto,active\n"
                  + "Ben Bell,ben@example.com,HO-1,Acme,home,active\n"
                  + "Ben Bell,ben@example.com,AU-1,Acme,auto,active\n"
                  + "Cy Cole,cy@example.com,,,,\n"
                  + "Cy Cole,cy@example.com,,,,\n";

        var import = await host.ImportCsvAsync(agent, csv);
        var clients = await host.AllClientsAsync(agent);

        Assert.Equal((5, 2, 2), (import.RowsDone, import.ClientsCreated, import.PoliciesCreated));
        Assert.Equal([("Ben Bell", 2), ("Cy Cole", 0)], clients.Select(c => (c.DisplayName, c.PolicyCount)));
    }

    [Fact]
    public async Task Import_BadRows_AreReportedByLineColumnAndReasonAndTheRestImported()
    {
        var agent = await host.NewAgentAsync("Error Ed");
        var csv = "Name,Email,Cell,Policy Number,Carrier,Line of Business,Effective Date,Expiration Date,Premium\n"
                  + "Good Gail,gail@example.com,,,,,,,\n"
                  + "Bad Mail,not-an-email,,,,,,,\n"
                  + ",nobody@example.com,,,,,,,\n"
                  + "Bad Dates,dates@example.com,,BD-1,Acme,auto,2026-06-01,2026-05-01,\n"
                  + "Bad Phone,phone@example.com,12,,,,,,\n"
                  + "Bad Line,line@example.com,,BL-1,Acme,spaceship,,,-5\n";

        var importId = await host.UploadCsvAsync(agent, csv);
        var import = await host.RunImportAsync(agent, importId);
        var errors = await host.Imports.ListImportErrorsAsync(new ListImportErrorsRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal((6, 1, 5), (import.RowsDone, import.ClientsCreated, import.RowsFailed));
        Assert.Equal(
            [(3, "Email"), (4, "Name"), (5, "Expiration Date"), (6, "Cell"), (7, "Premium")],
            errors.Errors.Select(e => (e.Line, e.Column)));
        Assert.All(errors.Errors, e => Assert.NotEmpty(e.Reason));
        Assert.Equal(["Good Gail"], (await host.AllClientsAsync(agent)).Select(c => c.DisplayName));
    }

    [Fact]
    public async Task Import_DryRun_CountsWhatWouldHappenAndChangesNothing()
    {
        var agent = await host.NewAgentAsync("Dry Dan");
        var existing = await host.CreateClientAsync(agent, "Old Name", c => c.Email = "e0.dry@example.com");
        var csv = ImportFiles.Book(3, "dry", i => i == 0 ? "New Name" : $"Dry {i}").Replace("c0.dry@", "e0.dry@");

        var importId = await host.UploadCsvAsync(agent, csv);
        var dry = await host.RunImportAsync(agent, importId, dryRun: true);
        var preview = await host.Imports.ListImportPreviewAsync(new ListImportPreviewRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);
        var after = await host.AllClientsAsync(agent);
        var real = await host.RunImportAsync(agent, importId);

        Assert.Equal((ImportStatus.Succeeded, true, 2, 1, 3), (dry.Status, dry.DryRun, dry.ClientsCreated, dry.ClientsUpdated, dry.PoliciesCreated));
        Assert.Equal([ImportRowAction.Update, ImportRowAction.Create, ImportRowAction.Create], preview.Rows.Select(r => r.Action));
        Assert.Equal(existing.ClientId, preview.Rows[0].ClientId);
        Assert.Equal(["Old Name"], after.Select(c => c.DisplayName));
        Assert.Equal((false, 2, 1), (real.DryRun, real.ClientsCreated, real.ClientsUpdated));
        Assert.Equal(["Dry 1", "Dry 2", "New Name"], (await host.AllClientsAsync(agent)).Select(c => c.DisplayName));
    }

    [Fact]
    public async Task Import_NewClient_IsFoundByAMisspelledName()
    {
        var agent = await host.NewAgentAsync("Typo Ivo");
        var word = ClientsServiceHost.NewWord();

        await host.ImportCsvAsync(agent, $"Name,Email\nIrma {word},irma@example.com\n");
        var found = await host.SearchAsync(agent, new ListClientsRequest { Query = $"irma {word.Remove(5, 1)}" });

        Assert.Equal([$"Irma {word}"], found.Clients.Select(c => c.DisplayName));
    }

    [Fact]
    public async Task Import_SameFileTwice_CreatesNoDuplicates()
    {
        var agent = await host.NewAgentAsync("Twice Tina");
        var csv = ImportFiles.Book(20, "twice");

        var first = await host.ImportCsvAsync(agent, csv);
        var second = await host.ImportCsvAsync(agent, csv);

        Assert.Equal((20, 20), (first.ClientsCreated, first.PoliciesCreated));
        Assert.Equal((0, 0, 20, 0, 0), (second.ClientsCreated, second.ClientsUpdated, second.ClientsUnchanged, second.PoliciesCreated, second.PoliciesUpdated));
        Assert.Equal(20, (await host.AllClientsAsync(agent)).Count);
    }

    [Fact]
    public async Task Import_SkipMode_LeavesMatchedClientsAlone()
    {
        var agent = await host.NewAgentAsync("Skip Sky");
        await host.CreateClientAsync(agent, "Kept Name", c => c.Email = "c0.skip@example.com");

        var import = await host.ImportCsvAsync(agent, ImportFiles.Book(2, "skip"), mode: DuplicateMode.Skip);

        Assert.Equal((1, 0, 1, 1), (import.ClientsCreated, import.ClientsUpdated, import.ClientsUnchanged, import.PoliciesCreated));
        Assert.Equal([("Client 1", 1), ("Kept Name", 0)], (await host.AllClientsAsync(agent)).Select(c => (c.DisplayName, c.PolicyCount)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public async Task Upload_EmptyFile_IsA400NamingTheFile(string content)
    {
        var agent = await host.NewAgentAsync("Empty Emma");

        var upload = await host.UploadAsync(agent, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.True(upload.Body.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task StartImport_WithoutADuplicateMode_IsRefusedNamingIt()
    {
        var agent = await host.NewAgentAsync("Mode Less");
        var importId = await host.UploadCsvAsync(agent, "Name\nSolo\n");

        var fields = await AgentCalls.TestSupport.RpcAssert.InvalidArgumentAsync(() =>
            host.Imports.StartImportAsync(new StartImportRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(["duplicateMode"], fields);
    }
}
