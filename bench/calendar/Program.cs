using AgentCalls.Bench.Calendar;
using AgentCalls.Bench.Support;

// `Calendar.Bench [--quick]`: Calendar.Service syncing a Google calendar of 10,000 events from the local fake, then
// free-slot queries with the Redis busy-time cache and without it: one agent one call at a time, then 32 agents with
// calls in flight together.
return await BenchMain.RunAsync(BenchOptions.Usage, cancellationToken => BenchRun.RunAsync(BenchOptions.Parse(args), cancellationToken));
