using System.Diagnostics;
using System.Text.Json;
using AgentCalls.Bench.Knowledge;
using AgentCalls.Bench.Support;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Answers;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Conversation.Service.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AgentCalls.TestSupport;

// Retrieval quality (recall@5, MRR) of full-text, embeddings and their fusion on the committed corpus and questions;
// ingest speed and peak memory for a generated 300-page PDF; search latency over 10,000 passages.
// The Postgres named by ConnectionStrings__postgres, or one started here for the run.
await using var servers = new DatabaseServers();
await servers.InitializeAsync();
var connectionString = await servers.CreateDatabaseAsync("knowledge_bench");

var options = new DbContextOptionsBuilder<ConversationDbContext>().UseNpgsql(connectionString);
ConversationDbContext.Configure(options);
ConversationDbContext NewDb() => new(options.Options);
await using (var db = NewDb())
{
    await db.Database.MigrateAsync();
}

using var embedder = new ArcticTextEmbedder();
var index = new PassageVectorIndex(embedder);
var limits = Options.Create(new DocumentsOptions { MaxDocumentBytes = 100 * 1024 * 1024, MaxBytesPerAgent = 1L << 34, MaxPagesPerDocument = 1000 });

async Task<IngestResult> IngestAsync(Guid agent, string name, byte[] content)
{
    await using var db = NewDb();
    var ingestion = new DocumentIngestion(db, embedder, limits, TimeProvider.System);
    var prepared = await ingestion.PrepareAsync(agent, name, content, CancellationToken.None);
    return await ingestion.StoreAsync(prepared, new Progress<IngestProgress>(), CancellationToken.None);
}

// 1. Retrieval quality.
var agent = Guid.NewGuid();
foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus")).Order())
{
    await IngestAsync(agent, Path.GetFileName(file), await File.ReadAllBytesAsync(file));
}

var questions = JsonSerializer.Deserialize<List<BenchQuestion>>(
    await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "questions.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
Report.Section($"Retrieval on {questions.Count} questions over {Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus")).Length} documents (the passage holding the answer)");
Console.WriteLine($"  {"method",-12} {"recall@5",9} {"MRR",7}");
var quality = new Dictionary<PassageSearch.Method, (double Recall, double Mrr)>();
foreach (var method in new[] { PassageSearch.Method.FullText, PassageSearch.Method.Embeddings, PassageSearch.Method.Fused })
{
    double hits = 0, reciprocal = 0;
    foreach (var q in questions)
    {
        await using var db = NewDb();
        var results = await new PassageSearch(db, embedder, index).SearchAsync(agent, q.Question, 5, CancellationToken.None, method);
        var rank = results.ToList().FindIndex(r => r.Passage.DocumentTitle == q.Document && r.Passage.Text.Contains(q.Answer, StringComparison.Ordinal));
        if (rank >= 0)
        {
            hits++;
            reciprocal += 1.0 / (rank + 1);
        }
    }

    quality[method] = (hits / questions.Count, reciprocal / questions.Count);
    Console.WriteLine($"  {method,-12} {quality[method].Recall,9:F2} {quality[method].Mrr,7:F2}");
}

// 2. Ingest speed and memory: a 300-page PDF.
var pdf = GeneratedPdf.Pages(300);
var process = Process.GetCurrentProcess();
ProcessMemory.ResetPeak(process.Id);
var ingestStarted = Stopwatch.GetTimestamp();
await IngestAsync(Guid.NewGuid(), "generated-300-pages.pdf", pdf);
var ingestSeconds = Stopwatch.GetElapsedTime(ingestStarted).TotalSeconds;
var pagesPerSecond = 300 / ingestSeconds;
Report.Section("Ingest of a 300-page PDF (parse, split, embed, store)");
Console.WriteLine($"  {ingestSeconds:F1} s, {pagesPerSecond:F1} pages/s, peak memory {ProcessMemory.Mib(ProcessMemory.PeakBytes(process.Id))}");

// 3. Search latency over 10,000 passages of one agent.
var large = Guid.NewGuid();
await LargeCorpus.FillAsync(NewDb, large, 10_000);
var latencies = new Latencies("hybrid search, 10,000 passages");
await using (var db = NewDb())
{
    var search = new PassageSearch(db, embedder, index);
    await search.SearchAsync(large, "warm up the vector cache", 5, CancellationToken.None);
    for (var round = 0; round < 10; round++)
    {
        foreach (var q in questions)
        {
            await latencies.TimeAsync(() => search.SearchAsync(large, q.Question, 5, CancellationToken.None));
        }
    }
}

Report.Section("Search latency (embed the question, full-text, vector scoring, fusion, load rows)");
Report.LatencyColumns();
Report.Latency(latencies);

Console.WriteLine();
var fused = quality[PassageSearch.Method.Fused];
Report.Target("fusion recall@5 >= 0.9", $"{fused.Recall:F2}", fused.Recall >= 0.9);
Report.Target("fusion recall@5 above either method alone", $"{fused.Recall:F2}",
    fused.Recall > quality[PassageSearch.Method.FullText].Recall && fused.Recall > quality[PassageSearch.Method.Embeddings].Recall);
Report.Target("retrieval p95 <= 50 ms at 10,000 passages", $"{latencies.P95:F1} ms", latencies.P95 <= 50);
Report.Target("ingest >= 20 pages/s", $"{pagesPerSecond:F1}", pagesPerSecond >= 20);
