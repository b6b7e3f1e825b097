using AgentCalls.Bench.Clients;
using AgentCalls.Bench.Support;

// `Clients.Bench [--quick]`: a book in Clients.Service's real database, the call queue and search through its gRPC
// API, and its CSV import against a raw COPY of the same file.
return await BenchMain.RunAsync(BenchOptions.Usage, cancellationToken => BenchRun.RunAsync(BenchOptions.Parse(args), cancellationToken));
