using System.Globalization;
using System.Runtime.InteropServices;
using AgentCalls.Bench.Gateway;

// `Gateway.Bench [options]` starts the system and runs the comparison; `Gateway.Bench measure …` is the load
// generator it starts on a CPU of its own. Ctrl+C or SIGTERM stops every process either started.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    var options = BenchOptions.Parse(args);
    return options.Measure
        ? await Comparison.RunAsync(options, Environment.GetEnvironmentVariable(BenchRun.TokenVariable) ?? "", stop.Token)
        : await BenchRun.RunAsync(options, stop.Token);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
catch (Exception error) when (error is InvalidOperationException or HttpRequestException or TimeoutException)
{
    Console.Error.WriteLine($"The benchmark failed: {error.Message}");
    return 1;
}

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}
