using System.Text;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Date = Google.Type.Date;

namespace AgentCalls.Clients.Tests;

/// <summary>
/// A real agency export imports as the agent expects: in the encoding it was saved in, with its abbreviated headers
/// understood, its unfamiliar lines of business and statuses kept, and only wrong records refused, said honestly.
/// </summary>
public sealed class ImportAgencyExportTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_AgencyExportInWindows1252_ImportsEveryClientWithItsDatesAndAccents()
    {
        var agent = await host.NewAgentAsync("Agency Alma");

        var upload = await host.UploadAsync(agent, AgencyExports.InWindows1252());
        var importId = upload.Body.GetProperty("importId").GetString()!;
        var uploaded = await host.Imports.GetImportAsync(new GetImportRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);
        var import = await host.RunImportAsync(agent, importId);
        var clients = await host.AllClientsAsync(agent);
        var policies = await PoliciesAsync(agent, clients);

        Assert.Equal("windows-1252", uploaded.Encoding);
        Assert.Equal(
            [
                ImportField.Name, ImportField.ExternalId, ImportField.Email, ImportField.HomePhone, ImportField.MobilePhone, ImportField.AddressLine1,
                ImportField.City, ImportField.Region, ImportField.PostalCode, ImportField.PolicyNumber, ImportField.Carrier, ImportField.LineOfBusiness,
                ImportField.PolicyStatus, ImportField.Premium, ImportField.EffectiveDate, ImportField.ExpirationDate,
            ],
            uploaded.Mapping.Select(m => m.Field));
        Assert.Equal((ImportStatus.Succeeded, 7, 0, 6, 6), (import.Status, import.RowsDone, import.RowsFailed, import.ClientsCreated, import.PoliciesCreated));
        Assert.Equal(AgencyExports.ClientNames.Order(StringComparer.Ordinal), clients.Select(c => c.DisplayName).Order(StringComparer.Ordinal));
        Assert.Equal(2, clients.Single(c => c.DisplayName == "Álvarez, José").PolicyCount);
        Assert.Equal(
            [
                ("AU-7781", "2026-01-15", "2027-01-15", 128_400L), ("BT-1", "2025-06-01", "2026-06-01", 45_000L), ("CP-5001", "2026-02-01", "2027-02-01", 1_240_000L),
                ("FL-9", "2026-05-01", "2027-05-01", 70_000L), ("HO-2290", "2026-03-01", "2027-03-01", 201_050L), ("MC-3001", "2026-04-10", "2027-04-10", 38_900L),
            ],
            policies.Select(p => (p.PolicyNumber, Text(p.EffectiveDate), Text(p.ExpirationDate), p.PremiumMinor)));
        var jose = await host.Clients.GetClientAsync(
            new GetClientRequest { ClientId = clients.Single(c => c.DisplayName == "Álvarez, José").ClientId }, agent.Bearer, cancellationToken: Cancel);
        Assert.Equal("1420 W Peña Ave", jose.Address.Line1);
    }

    [Fact]
    public async Task Upload_EachEncoding_IsFoundAndShownWithTheNamesAsItReadsThemAndImportsInIt()
    {
        var agent = await host.NewAgentAsync("Encoding Enzo");

        var windows = await UploadedAsync(agent, AgencyExports.InWindows1252());
        var utf8 = await UploadedAsync(agent, Encoding.UTF8.GetBytes(AgencyExports.Book));
        var utf8Bom = await UploadedAsync(agent, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(AgencyExports.Book)]);
        var utf16 = await UploadedAsync(agent, AgencyExports.InUtf16(AgencyExports.Book));

        Assert.Equal(("windows-1252", "utf-8", "utf-8", "utf-16le"), (windows.Encoding, utf8.Encoding, utf8Bom.Encoding, utf16.Encoding));
        Assert.Equal(["windows-1252", "utf-8"], windows.EncodingOptions.Select(o => o.Encoding));
        Assert.Equal(["utf-8", "windows-1252"], utf8.EncodingOptions.Select(o => o.Encoding));
        Assert.Equal(["utf-16le"], utf16.EncodingOptions.Select(o => o.Encoding));
        // The rows shown are those with accents, where a wrong encoding shows.
        Assert.Equal(["Álvarez, José", "Álvarez, José", "Müller, Zoë", "=Ortiz, Renée", "O'Brien, Siobhán"], Names(windows.EncodingOptions[0]));
        Assert.Equal("\uFFFDlvarez, Jos\uFFFD", Names(windows.EncodingOptions[1])[0]);
        Assert.StartsWith("Ã", Names(utf8.EncodingOptions[1])[0], StringComparison.Ordinal);
        Assert.EndsWith("lvarez, JosÃ©", Names(utf8.EncodingOptions[1])[0], StringComparison.Ordinal);
        Assert.Equal(Names(utf8.EncodingOptions[0]), Names(utf16.EncodingOptions[0]));
        Assert.Equal(AgencyExports.Header.Split(','), utf16.EncodingOptions[0].Header);
        Assert.Equal(7, utf16.TotalRows);
        var imported = await host.RunImportAsync(agent, utf16.ImportId);
        Assert.Equal((ImportStatus.Succeeded, 0, 6), (imported.Status, imported.RowsFailed, imported.ClientsCreated));
        Assert.Equal(AgencyExports.ClientNames.Order(StringComparer.Ordinal), (await host.AllClientsAsync(agent)).Select(c => c.DisplayName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StartImport_TheEncodingTheAgentPicks_ReadsTheFileWithIt()
    {
        var agent = await host.NewAgentAsync("Picking Pia");
        var csv = "Name,Café\nJosé Álvarez,x\n";
        var importId = (await UploadedAsync(agent, AgencyExports.InWindows1252(csv))).ImportId;

        await host.Imports.StartImportAsync(
            new StartImportRequest { ImportId = importId, DuplicateMode = DuplicateMode.Update, Encoding = "utf-8" }, agent.Bearer, cancellationToken: Cancel);
        var import = await host.WaitForImportAsync(agent, importId, i => i.Status is not (ImportStatus.Queued or ImportStatus.Running));

        Assert.Equal(("utf-8", "Caf\uFFFD"), (import.Encoding, import.Mapping[1].Header));
        Assert.Equal(["Jos\uFFFD \uFFFDlvarez"], (await host.AllClientsAsync(agent)).Select(c => c.DisplayName));
    }

    [Fact]
    public async Task StartImport_AnEncodingTheFileCannotBeReadWith_IsRefusedNamingItAndChangesNothing()
    {
        var agent = await host.NewAgentAsync("Ebcdic Ed");
        var importId = (await UploadedAsync(agent, AgencyExports.InWindows1252())).ImportId;

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.Imports.StartImportAsync(
            new StartImportRequest { ImportId = importId, DuplicateMode = DuplicateMode.Update, Encoding = "ebcdic" }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        var after = await host.Imports.GetImportAsync(new GetImportRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(["encoding"], fields);
        Assert.Equal((ImportStatus.Uploaded, "windows-1252"), (after.Status, after.Encoding));
    }

    [Fact]
    public async Task DryRun_UnknownLinesAndStatuses_KeepsTheirRowsAsOtherWithTheFileWordsAndSaysSo()
    {
        var agent = await host.NewAgentAsync("Other Otto");
        var importId = (await UploadedAsync(agent, AgencyExports.InWindows1252())).ImportId;

        var dry = await host.RunImportAsync(agent, importId, dryRun: true);
        var notes = await host.Imports.ListImportErrorsAsync(new ListImportErrorsRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);
        var real = await host.RunImportAsync(agent, importId);
        var policies = await PoliciesAsync(agent, await host.AllClientsAsync(agent));
        var export = await host.ExportAsync(agent);

        Assert.Equal((0, 5, 6), (dry.RowsFailed, dry.ValuesFiledAsOther, dry.PoliciesCreated));
        Assert.Equal(
            [(4, "LOB", "Commercial Package"), (5, "LOB", "Motorcycle"), (6, "LOB", "Boat"), (8, "LOB", "Flood"), (8, "Status", "Pending Cancel")],
            notes.Errors.Select(e => (e.Line, e.Column, e.Reason.Split('“', '”')[1])));
        Assert.All(notes.Errors, e => Assert.True(e.Kept));
        Assert.Equal((0, 5), (real.RowsFailed, real.ValuesFiledAsOther));
        var commercial = policies.Single(p => p.PolicyNumber == "CP-5001");
        Assert.Equal((LineOfBusiness.Other, "Commercial Package", PolicyStatus.Active, ""), (commercial.LineOfBusiness, commercial.LineOfBusinessText, commercial.Status, commercial.StatusText));
        var flood = policies.Single(p => p.PolicyNumber == "FL-9");
        Assert.Equal((PolicyStatus.Other, "Pending Cancel"), (flood.Status, flood.StatusText));
        Assert.Contains(",Commercial Package,active,", export, StringComparison.Ordinal);
        Assert.Contains(",Flood,Pending Cancel,", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LapsedWithoutADate_KeepsTheDateUnknownAndTheQueueSaysSo()
    {
        var agent = await host.NewAgentAsync("Lapse Lena");

        await host.RunImportAsync(agent, (await UploadedAsync(agent, AgencyExports.InWindows1252())).ImportId);
        var zoe = (await host.AllClientsAsync(agent)).Single(c => c.DisplayName == "Müller, Zoë");
        var boat = (await PoliciesAsync(agent, [zoe])).Single();
        var queue = await host.CallQueue.ListCallQueueAsync(new ListCallQueueRequest(), agent.Bearer, cancellationToken: Cancel);
        var export = await host.ExportAsync(agent);

        Assert.Equal((PolicyStatus.Lapsed, null), (boat.Status, boat.EndDate));
        var lapse = Assert.Single(queue.Entries.Single(e => e.ClientId == zoe.ClientId).Reasons, r => r.Kind == CallReasonKind.Lapsed);
        Assert.Equal(("Lapsed, date unknown (BT-1)", true, 0), (lapse.Description, lapse.DateUnknown, lapse.Days));
        Assert.Contains(",BT-1,Foremost,Boat,lapsed,450.00,USD,2025-06-01,2026-06-01,,", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WrongRecords_AreRefusedAsTheRowTheyAreAndTheRestKept()
    {
        var agent = await host.NewAgentAsync("Refused Rhea");
        var csv = string.Join("\n",
            AgencyExports.Header,
            // Unquoted, the premium's and the name's commas make 18 fields out of 16.
            "Smith, John,B-200,john.smith@example.com,,(217) 555-0100,12 Oak St,Springfield,IL,62701,CP-5001,Hartford,Commercial Package,Active,$12,400.00,2026-02-01,2027-02-01",
            "\"Day, Impossible\",G-1,day@example.com,,,,,,,IM-1,Acme,Auto,Active,$10.00,2/30/2026,2027-01-01",
            "\"Negative, Nina\",G-2,nina@example.com,,,,,,,NG-1,Acme,Auto,Active,-$5.00,2026-01-01,2027-01-01",
            "\"Fine, Fern\",G-3,fern@example.com,,,,,,,FF-1,Acme,Auto,Active,$5.00,2026-01-01,2027-01-01",
            "");

        var importId = (await UploadedAsync(agent, AgencyExports.InWindows1252(csv))).ImportId;
        var import = await host.RunImportAsync(agent, importId);
        var errors = await host.Imports.ListImportErrorsAsync(new ListImportErrorsRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal((4, 3, 1), (import.RowsDone, import.RowsFailed, import.ClientsCreated));
        Assert.Equal(
            [(2, "", "has 18 fields, the header has 16: a value holding the delimiter needs quotes around it."), (3, "Eff. Dt", "is not a date (YYYY-MM-DD or M/D/YYYY)."), (4, "Prem", "must not be negative.")],
            errors.Errors.Select(e => (e.Line, e.Column, e.Reason)));
        Assert.All(errors.Errors, e => Assert.False(e.Kept));
        Assert.Equal(["Fine, Fern"], (await host.AllClientsAsync(agent)).Select(c => c.DisplayName));
    }

    private async Task<Import> UploadedAsync(SignedInAgent agent, byte[] file)
    {
        var upload = await host.UploadAsync(agent, file);
        var importId = upload.Body.GetProperty("importId").GetString()!;
        return await host.Imports.GetImportAsync(new GetImportRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);
    }

    private async Task<List<Policy>> PoliciesAsync(SignedInAgent agent, IEnumerable<ClientSummary> clients)
    {
        var policies = new List<Policy>();
        foreach (var client in clients)
        {
            var listed = await host.Policies.ListPoliciesAsync(new ListPoliciesRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);
            policies.AddRange(listed.Policies);
        }

        return [.. policies.OrderBy(p => p.PolicyNumber, StringComparer.Ordinal)];
    }

    /// <summary>The first cell of each sample row: the name, in this file.</summary>
    private static string[] Names(ImportEncodingOption option) => [.. option.Rows.Select(r => r.Cells[0])];

    private static string? Text(Date? date) => date is null ? null : $"{date.Year:0000}-{date.Month:00}-{date.Day:00}";
}
