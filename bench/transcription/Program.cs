using AgentCalls.Bench.Support;
using AgentCalls.Bench.Transcription;

// `Transcription.Bench [--quick]`: accuracy, speed, latency, concurrency and memory of live transcription through
// Transcription.Service's streaming gRPC API, each beside its baseline from the same run.
return await BenchMain.RunAsync(BenchOptions.Usage, cancellationToken => BenchRun.RunAsync(BenchOptions.Parse(args), cancellationToken));
