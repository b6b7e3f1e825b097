using System.Globalization;
using System.Runtime.InteropServices;

namespace AgentCalls.Bench.Support;

/// <summary>
/// A benchmark's entry point: invariant culture for the printed numbers, Ctrl+C or SIGTERM cancelling the run (so
/// every process it started is stopped and its data removed), and exit codes 0 done, 1 failed, 2 usage, 130 stopped.
/// </summary>
public static class BenchMain
{
    public static async Task<int> RunAsync(string usage, Func<CancellationToken, Task> run)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        using var stop = new CancellationTokenSource();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await run(stop.Token);
            return 0;
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine(usage);
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Stopped.");
            return 130;
        }
        catch (Exception error) when (error is InvalidOperationException or HttpRequestException or TimeoutException or Grpc.Core.RpcException)
        {
            Console.Error.WriteLine($"The benchmark failed: {error.Message}");
            return 1;
        }

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }
}
