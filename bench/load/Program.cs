using AgentCalls.Bench.Load;
using AgentCalls.Bench.Support;

// Starts the system on this process's CPU (run.sh pins it to CPU 1), drives each path through the gateway with hey
// on CPU 0 at rising concurrency, and prints each path's steps and knee. Exit code 1 when a request failed at or
// below a knee (or the system did not start), 0 otherwise; Ctrl+C or SIGTERM stops every process it started.
return await BenchMain.RunAsync(LoadOptions.Usage, cancellationToken => LoadRun.RunAsync(LoadOptions.Parse(args), cancellationToken));
