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

var quality = await bench.RetrievalQualityAsync(questions);
var pagesPerSecond = await bench.IngestSpeedAsync(300);
var latencies = await bench.SearchLatencyAsync(questions, 10_000);

Console.WriteLine();
var fused = quality[PassageSearch.Method.Fused];
Report.Target("fusion recall@5 >= 0.9", $"{fused.Recall:F2}", fused.Recall >= 0.9);
Report.Target("fusion recall@5 above either method alone", $"{fused.Recall:F2}",
    fused.Recall > quality[PassageSearch.Method.FullText].Recall && fused.Recall > quality[PassageSearch.Method.Embeddings].Recall);
Report.Target("retrieval p95 <= 50 ms at 10,000 passages", $"{latencies.P95:F1} ms", latencies.P95 <= 50);
Report.Target("ingest >= 20 pages/s", $"{pagesPerSecond:F1}", pagesPerSecond >= 20);
