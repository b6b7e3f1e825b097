using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentCalls.Bench.Support;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Clients;

/// <summary>
/// One import through the production path: the file streamed to <c>POST /api/clients/imports</c>, StartImport over
/// gRPC, and the service's import worker until the import ends (GetImport polled every 100 ms). The service's peak
/// resident memory is reset before the upload and read after the end, so it is this import's peak.
/// </summary>
public static class ImportRun
{
    public static async Task<ImportResult> RunAsync(ClientsSystem system, SignedInAgent agent, string path, CancellationToken cancellationToken)
    {
        var pid = system.Service.ProcessId;
        var before = ProcessMemory.CurrentBytes(pid);
        ProcessMemory.ResetPeak(pid);
        var clock = Stopwatch.StartNew();
        var importId = await UploadAsync(system.Service.Ports.Http, agent, path, cancellationToken);
        var uploaded = clock.Elapsed;

        var imports = new Imports.ImportsClient(system.Channel);
        await imports.StartImportAsync(new StartImportRequest { ImportId = importId, DuplicateMode = DuplicateMode.Update }, agent.Bearer, cancellationToken: cancellationToken);
        Import import;
        do
        {
            await Task.Delay(100, cancellationToken);
            import = await imports.GetImportAsync(new GetImportRequest { ImportId = importId }, agent.Bearer, cancellationToken: cancellationToken);
        }
        while (import.Status is ImportStatus.Queued or ImportStatus.Running);

        var total = clock.Elapsed;
        if (import.Status != ImportStatus.Succeeded || import.RowsFailed > 0)
        {
            var errors = await imports.ListImportErrorsAsync(new ListImportErrorsRequest { ImportId = importId }, agent.Bearer, cancellationToken: cancellationToken);
            var first = string.Join("; ", errors.Errors.Take(5).Select(e => $"line {e.Line} {e.Column}: {e.Reason}"));
            throw new InvalidOperationException($"The import ended {import.Status} with {import.RowsFailed} failed rows: {import.Error} {first}");
        }

        return new ImportResult(import.TotalRows, uploaded, total, before, ProcessMemory.PeakBytes(pid), import.ClientsCreated, import.PoliciesCreated);
    }

    private static async Task<string> UploadAsync(Uri service, SignedInAgent agent, string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromHours(1) };
        await using var file = File.OpenRead(path);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/clients/imports?fileName={Path.GetFileName(path)}") { Content = new StreamContent(file, 1 << 20) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode
            ? body.GetProperty("importId").GetString()!
            : throw new InvalidOperationException($"The upload was refused: {(int)response.StatusCode} {body}");
    }
}

/// <summary>What one import did and took, and the service's resident memory before it and at its peak.</summary>
public sealed record ImportResult(int Rows, TimeSpan Upload, TimeSpan Total, long MemoryBefore, long MemoryPeak, int ClientsCreated, int PoliciesCreated)
{
    public double RowsPerSecond => Rows / Total.TotalSeconds;
}
