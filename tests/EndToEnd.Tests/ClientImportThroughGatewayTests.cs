using System.Net;
using System.Text.Json;
using AgentCalls.TestSupport;
using CsvHelper;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>CSV import and export through the gateway, as the web app's Import page and export button use them.</summary>
public sealed class ClientImportThroughGatewayTests(SystemUnderTest system)
{
    /// <summary>Headers as another agency system writes them; every one is recognised without a manual mapping.</summary>
    private const string ForeignHeader = "Customer ID,Full Name,E-mail Address,Cell,Policy #,Insurance Company,LOB,Status,Annual Premium,Effective Date,Expiration Date";
    private const int Rows = 1_500;

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreamedUpload_DryRunThenImport_ReportsProgress_AndTheExportHoldsTheSameBook()
    {
        using var browser = await system.SignedInBrowserAsync("Ivy Importer", Cancel);
        var tag = Guid.NewGuid().ToString("N")[..8];

        var (uploaded, import) = await UploadAsync(browser, new GeneratedCsv(ForeignHeader, Rows, i => ForeignRow(tag, i)), "from-ams.csv");
        var id = import.GetProperty("importId").GetString()!;
        var dry = await RunAsync(browser, id, dryRun: true);
        var (_, preview) = await browser.GetJsonAsync($"/api/clients/imports/{id}/preview", Cancel);
        var (_, bookAfterDryRun) = await browser.GetJsonAsync("/api/clients", Cancel);
        var real = await RunAsync(browser, id, dryRun: false);
        var exported = await ExportAsync(browser);

        Assert.Equal(HttpStatusCode.Created, uploaded);
        Assert.Equal((Rows, "from-ams.csv"), (import.GetProperty("totalRows").GetInt32(), import.GetProperty("fileName").GetString()));
        Assert.DoesNotContain(import.GetProperty("mapping").EnumerateArray(), m => m.GetProperty("field").GetString() == "IMPORT_FIELD_UNSPECIFIED");
        Assert.Equal(("IMPORT_STATUS_SUCCEEDED", true, Rows), (Status(dry.Final), dry.Final.GetProperty("dryRun").GetBoolean(), Count(dry.Final, "clientsCreated")));
        Assert.All(preview.GetProperty("rows").EnumerateArray(), row => Assert.Equal("IMPORT_ROW_ACTION_CREATE", row.GetProperty("action").GetString()));
        Assert.Empty(bookAfterDryRun.GetProperty("clients").EnumerateArray());
        Assert.Equal(("IMPORT_STATUS_SUCCEEDED", Rows, Rows, Rows, 0), (Status(real.Final), Count(real.Final, "rowsDone"), Count(real.Final, "clientsCreated"), Count(real.Final, "policiesCreated"), Count(real.Final, "rowsFailed")));
        // 1,500 rows in batches of SystemUnderTest.ImportBatchSize (100): progress shows between them.
        Assert.Contains(real.Progress, done => done is > 0 and < Rows);
        Assert.Equal(real.Progress.Order(), real.Progress);
        Assert.Equal(Enumerable.Range(0, Rows).Select(i => ExpectedExportRow(tag, i)).Order(), exported.Order());
    }

    [Fact]
    public async Task ExportedBook_ImportedAgainAsADryRun_WouldChangeNothing()
    {
        using var browser = await system.SignedInBrowserAsync("Rod Roundtrip", Cancel);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, first) = await UploadAsync(browser, new GeneratedCsv(ForeignHeader, 20, i => ForeignRow(tag, i)), "first.csv");
        await RunAsync(browser, first.GetProperty("importId").GetString()!, dryRun: false);

        using var export = await browser.Http.GetAsync("/api/clients/export", Cancel);
        var (_, again) = await UploadAsync(browser, new StreamContent(await export.Content.ReadAsStreamAsync(Cancel)), "book.csv");
        var dry = await RunAsync(browser, again.GetProperty("importId").GetString()!, dryRun: true);

        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal((20, 0, 0, 0), (Count(dry.Final, "clientsUnchanged"), Count(dry.Final, "clientsCreated"), Count(dry.Final, "clientsUpdated"), Count(dry.Final, "policiesUpdated")));
    }

    [Fact]
    public async Task Upload_LargerThanTheServersDefaultBodyLimit_PassesThroughTheGateway()
    {
        using var browser = await system.SignedInBrowserAsync("Lars Large", Cancel);
        const long rows = 400_000; // ~36 MB: past Kestrel's default 30,000,000-byte request limit
        var tag = Guid.NewGuid().ToString("N")[..8];

        var (status, import) = await UploadAsync(browser, new GeneratedCsv(ForeignHeader, rows, i => ForeignRow(tag, i)), "large.csv");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(rows, import.GetProperty("totalRows").GetInt32());
        Assert.True(long.Parse(import.GetProperty("fileBytes").GetString()!) > 30_000_000); // int64 is a JSON string
    }

    private static string ForeignRow(string tag, long i) =>
        FormattableString.Invariant($"{tag}-{i},Client {tag} {i},C{i}.{tag}@Example.com,(312) 555-{i % 10_000:0000},{tag}-P{i},Acme Mutual,Auto,Active,1200.50,2026-01-01,2027-01-01");

    /// <summary>What the export writes for a row of <see cref="ForeignRow"/>: the same values, normalised (e-mail lower case, phone E.164).</summary>
    private static string ExpectedExportRow(string tag, long i) =>
        FormattableString.Invariant($"{tag}-{i}|Client {tag} {i}|c{i}.{tag}@example.com|+1312555{i % 10_000:0000}|{tag}-P{i}|Acme Mutual|auto|active|1200.50|USD|2026-01-01|2027-01-01");

    private async Task<(HttpStatusCode Status, JsonElement Import)> UploadAsync(BrowserSession browser, HttpContent file, string fileName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clients/imports?fileName={Uri.EscapeDataString(fileName)}") { Content = file, Headers = { { "X-CSRF", "1" } } };
        using var response = await browser.Http.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"Upload answered {(int)response.StatusCode}: {body}");
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>Starts the import and polls it as the progress bar does until it ends; the rows done seen on the way, and the end.</summary>
    private async Task<(List<int> Progress, JsonElement Final)> RunAsync(BrowserSession browser, string importId, bool dryRun)
    {
        var (started, _) = await browser.PostJsonAsync($"/api/clients/imports/{importId}/start", new { dryRun, duplicateMode = "DUPLICATE_MODE_UPDATE" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, started);
        var progress = new List<int>();
        var final = await Eventually.ReturnsAsync(async () =>
        {
            var (_, import) = await browser.GetJsonAsync($"/api/clients/imports/{importId}", Cancel);
            progress.Add(Count(import, "rowsDone"));
            return Status(import) is "IMPORT_STATUS_QUEUED" or "IMPORT_STATUS_RUNNING" ? null : (object)import;
        }, TimeSpan.FromMinutes(2), SystemUnderTest.PollInterval);
        return (progress, (JsonElement)final);
    }

    /// <summary>The exported rows, with the columns the foreign file had, '|'-joined, as the import reads them back.</summary>
    private async Task<List<string>> ExportAsync(BrowserSession browser)
    {
        using var response = await browser.Http.GetAsync("/api/clients/export", HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var csv = CsvReader.Create(await response.Content.ReadAsStreamAsync(Cancel), CsvReaderOptions.Default with { HasHeader = true });
        await csv.ReadHeaderAsync(Cancel);
        string[] columns = ["External ID", "Name", "Email", "Mobile Phone", "Policy Number", "Carrier", "Line of Business", "Policy Status", "Premium", "Currency", "Effective Date", "Expiration Date"];
        var indexes = columns.Select(c => Array.IndexOf([.. csv.Headers], c)).ToArray();
        Assert.DoesNotContain(-1, indexes);
        var rows = new List<string>();
        while (await csv.ReadAsync(Cancel))
        {
            rows.Add(string.Join('|', indexes.Select(i => Unescaped(csv.GetString(i)))));
        }

        return rows;
    }

    /// <summary>A cell without the apostrophe the export puts before what a spreadsheet would run as a formula ("+1312…").</summary>
    private static string? Unescaped(string? cell) => cell is ['\'', '=' or '@' or '+' or '-', ..] ? cell[1..] : cell;

    private static string Status(JsonElement import) => import.GetProperty("status").GetString()!;

    private static int Count(JsonElement import, string name) => import.TryGetProperty(name, out var value) ? value.GetInt32() : 0;
}
