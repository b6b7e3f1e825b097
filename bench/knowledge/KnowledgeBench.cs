using System.Diagnostics;
using System.Text.Json;
using AgentCalls.Bench.Support;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Answers;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Conversation.Service.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentCalls.Bench.Knowledge;

/// <summary>
/// The service's own ingestion and search classes on one migrated database: retrieval quality on the committed corpus,
/// ingest of a generated 300-page PDF, and search latency over 10,000 passages.
/// </summary>
public sealed class KnowledgeBench(DbContextOptions<ConversationDbContext> options) : IDisposable
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "corpus");
    private readonly ArcticTextEmbedder local = new();
    private readonly IOptions<DocumentsOptions> limits =
        Options.Create(new DocumentsOptions { MaxDocumentBytes = 100 * 1024 * 1024, MaxBytesPerAgent = 1L << 34, MaxPagesPerDocument = 1000 });

    private DocumentEmbedder Embedder => field ??= new DocumentEmbedder(local, Options.Create(new EmbeddingsOptions()));

    private PassageVectorIndex Index => field ??= new PassageVectorIndex(Embedder);

    public static async Task<KnowledgeBench> CreateAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<ConversationDbContext>().UseNpgsql(connectionString);
        ConversationDbContext.Configure(options);
        var bench = new KnowledgeBench(options.Options);
        await using var db = bench.NewDb();
        await db.Database.MigrateAsync();
        return bench;
    }

    public ConversationDbContext NewDb() => new(options);

    public async Task<List<BenchQuestion>> QuestionsAsync() =>
        JsonSerializer.Deserialize<List<BenchQuestion>>(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "questions.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>Recall@5 and mean reciprocal rank of each method, on the committed documents and questions.</summary>
    public async Task<Dictionary<PassageSearch.Method, (double Recall, double Mrr)>> RetrievalQualityAsync(List<BenchQuestion> questions)
    {
        var agent = Guid.NewGuid();
        foreach (var file in Directory.GetFiles(Corpus).Order())
        {
            await IngestAsync(agent, Path.GetFileName(file), await File.ReadAllBytesAsync(file));
        }

        Report.Section($"Retrieval on {questions.Count} questions over {Directory.GetFiles(Corpus).Length} documents (the passage holding the answer)");
        Console.WriteLine($"  {"method",-12} {"recall@5",9} {"MRR",7}");
        var quality = new Dictionary<PassageSearch.Method, (double Recall, double Mrr)>();
        var misses = new List<string>();
        foreach (var method in new[] { PassageSearch.Method.FullText, PassageSearch.Method.Embeddings, PassageSearch.Method.Fused })
        {
            double hits = 0, reciprocal = 0;
            foreach (var q in questions)
            {
                await using var db = NewDb();
                var results = await new PassageSearch(db, Embedder, Index).SearchAsync(agent, q.Question, 5, CancellationToken.None, method);
                var rank = results.ToList().FindIndex(r => r.Passage.DocumentTitle == q.Document && r.Passage.Text.Contains(q.Answer, StringComparison.Ordinal));
                if (rank >= 0)
                {
                    hits++;
                    reciprocal += 1.0 / (rank + 1);
                }
                else
                {
                    misses.Add($"  {method} missed: {q.Question}");
                }
            }

            quality[method] = (hits / questions.Count, reciprocal / questions.Count);
            Console.WriteLine($"  {method,-12} {quality[method].Recall,9:F2} {quality[method].Mrr,7:F2}");
        }

        misses.ForEach(Console.WriteLine);
        return quality;
    }

    /// <summary>Pages per second for a generated PDF of <paramref name="pages"/> pages, with the process's peak memory.</summary>
    public async Task<double> IngestSpeedAsync(int pages)
    {
        var pdf = GeneratedPdf.Pages(pages);
        var process = Process.GetCurrentProcess();
        ProcessMemory.ResetPeak(process.Id);
        var stages = new StageTimes();
        var started = Stopwatch.GetTimestamp();
        var passages = await IngestAsync(Guid.NewGuid(), $"generated-{pages}-pages.pdf", pdf, stages);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Report.Section($"Ingest of a {pages}-page PDF (parse, split, embed, store)");
        Console.WriteLine($"  {seconds:F1} s, {pages / seconds:F1} pages/s, {passages} passages, peak memory {ProcessMemory.Mib(ProcessMemory.PeakBytes(process.Id))}");
        Console.WriteLine($"  {stages}");
        return pages / seconds;
    }

    /// <summary>Hybrid search latency over one agent's <paramref name="passages"/> passages, ten rounds of the questions.</summary>
    public async Task<Latencies> SearchLatencyAsync(List<BenchQuestion> questions, int passages)
    {
        var agent = Guid.NewGuid();
        await LargeCorpus.FillAsync(NewDb, agent, passages);
        var latencies = new Latencies($"hybrid search, {passages:N0} passages");
        await using (var db = NewDb())
        {
            var search = new PassageSearch(db, Embedder, Index);
            await search.SearchAsync(agent, "warm up the vector cache", 5, CancellationToken.None);
            for (var round = 0; round < 10; round++)
            {
                foreach (var q in questions)
                {
                    await latencies.TimeAsync(() => search.SearchAsync(agent, q.Question, 5, CancellationToken.None));
                }
            }
        }

        Report.Section("Search latency (embed the question, full-text, vector scoring, fusion, load rows)");
        Report.LatencyColumns();
        Report.Latency(latencies);
        return latencies;
    }

    public void Dispose() => local.Dispose();

    private async Task<int> IngestAsync(Guid agent, string name, byte[] content, StageTimes? stages = null)
    {
        stages ??= new StageTimes();
        await using var db = NewDb();
        var ingestion = new DocumentIngestion(db, Embedder, limits, TimeProvider.System);
        stages.Report(new IngestProgress("parse and split", 0, 0));
        var prepared = await ingestion.PrepareAsync(agent, name, content, CancellationToken.None);
        await ingestion.StoreAsync(prepared, stages, CancellationToken.None);
        stages.Report(new IngestProgress("done", 0, 0));
        return prepared.Passages.Count;
    }

    /// <summary>Where ingest time goes: a stage lasts from its first report to the next stage's (synchronous, unlike Progress).</summary>
    private sealed class StageTimes : IProgress<IngestProgress>
    {
        private readonly List<(string Stage, long At)> starts = [];

        public void Report(IngestProgress value)
        {
            if (starts.Count == 0 || starts[^1].Stage != value.Stage)
            {
                starts.Add((value.Stage, Stopwatch.GetTimestamp()));
            }
        }

        public override string ToString() => string.Join(", ", starts.Zip(starts.Skip(1))
            .Where(stage => stage.First.Stage != "parsed")
            .Select(stage => $"{stage.First.Stage} {Stopwatch.GetElapsedTime(stage.First.At, stage.Second.At).TotalSeconds:F1} s"));
    }
}
