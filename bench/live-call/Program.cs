using AgentCalls.Bench.LiveCall;
using AgentCalls.Bench.Support;

// `LiveCall.Bench [--quick]`: the live call's assistant and actions timed through Conversation.Service's socket and API,
// and concurrent calls on the local speech engine, each figure beside its target.
return await BenchMain.RunAsync(BenchOptions.Usage, cancellationToken => BenchRun.RunAsync(BenchOptions.Parse(args), cancellationToken));
