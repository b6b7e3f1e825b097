using AgentCalls.Bench.Knowledge;
using AgentCalls.Bench.Support;
using AgentCalls.Conversation.Service.Answers;
using AgentCalls.TestSupport;

// Retrieval quality (recall@5, MRR) of full-text, embeddings and their fusion on the committed corpus and questions;
// ingest speed and peak memory for a generated 300-page PDF; search latency over 10,000 passages.
// The Postgres named by ConnectionStrings__postgres, or one started here for the run.
await using var servers = new DatabaseServers();
await servers.InitializeAsync();
using var bench = await KnowledgeBench.CreateAsync(await servers.CreateDatabaseAsync("knowledge_bench"));
var questions = await bench.QuestionsAsync();

// One part alone when named (quality, ingest, latency), for measuring a change to it.
bool Runs(string part) => args.Length == 0 || args.Contains(part);
var quality = Runs("quality") ? await bench.RetrievalQualityAsync(questions) : null;
double? pagesPerSecond = Runs("ingest") ? await bench.IngestSpeedAsync(300) : null;
var latencies = Runs("latency") ? await bench.SearchLatencyAsync(questions, 10_000) : null;

Console.WriteLine();
if (quality is not null)
{
    var fused = quality[PassageSearch.Method.Fused];
    Report.Target("fusion recall@5 >= 0.9", $"{fused.Recall:F2}", fused.Recall >= 0.9);
    Report.Target("fusion recall@5 above either method alone", $"{fused.Recall:F2}",
        fused.Recall > quality[PassageSearch.Method.FullText].Recall && fused.Recall > quality[PassageSearch.Method.Embeddings].Recall);
}

if (latencies is not null)
{
    Report.Target("retrieval p95 <= 50 ms at 10,000 passages", $"{latencies.P95:F1} ms", latencies.P95 <= 50);
}

if (pagesPerSecond is { } speed)
{
    Report.Target("ingest >= 20 pages/s", $"{speed:F1}", speed >= 20);
}
