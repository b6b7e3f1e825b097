using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AgentCalls.TestSupport;

/// <summary>
/// A Postgres or Redis server run from the AppHost's own scripts, ready once it prints its ready line,
/// stopped with SIGINT: Postgres' fast shutdown (SIGTERM would wait for every pooled connection to close).
/// </summary>
public sealed partial class LocalServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string readyLine;
    private readonly List<string> output = [];

    private LocalServerProcess(string script, IReadOnlyDictionary<string, string> environment, string readyLine, string? workingDirectory)
    {
        this.readyLine = readyLine;
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Observe(line.Data);
        process.ErrorDataReceived += (_, line) => Observe(line.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"{Path.GetFileName(script)} exited ({process.ExitCode}) before it was ready:\n{string.Join('\n', Snapshot())}"));
    }

    /// <summary>The server's process id (the scripts <c>exec</c> the server, so it is the server itself).</summary>
    public int Id => process.Id;

    /// <summary>Starts <paramref name="script"/> (in <paramref name="workingDirectory"/>, as Aspire would) and waits for its ready line.</summary>
    public static async Task<LocalServerProcess> StartAsync(
        string script, IReadOnlyDictionary<string, string> environment, string readyLine, string? workingDirectory = null)
    {
        var server = new LocalServerProcess(script, environment, readyLine, workingDirectory);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.ready.Task.WaitAsync(StartTimeout);
        return server;
    }

    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        _ = Kill(process.Id, Signal.Interrupt);
        await process.WaitForExitAsync().WaitAsync(StartTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }

        if (line.Contains(readyLine, StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }

    private string[] Snapshot()
    {
        lock (output)
        {
            return [.. output];
        }
    }

    private enum Signal
    {
        Interrupt = 2,
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, Signal signal);
}
