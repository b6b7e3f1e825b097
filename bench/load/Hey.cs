using System.Globalization;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace AgentCalls.Bench.Load;

/// <summary>One call as hey sends it: the method, the path and query on the gateway, and the JSON body if any.</summary>
public sealed record LoadPath(string Name, string Method, string PathAndQuery, string? JsonBody = null)
{
    public override string ToString() => $"{Method} {PathAndQuery}";
}

/// <summary>
/// Debian's <c>hey</c> as the load generator, on CPU 0 (taskset): a closed loop of N workers over HTTP/1.1 keep-alive
/// connections, each sending its next request when the last response has arrived, for a fixed time. Its text
/// summary is parsed: total time, the latency distribution (p50, p99; hey prints seconds to 0.1 ms and counts
/// every response, whatever its status), the status code distribution and the error distribution (requests that
/// got no response).
/// </summary>
public static partial class Hey
{
    public const string LoadGeneratorCpu = "0";

    public static async Task<Step> RunAsync(Uri gateway, string accessToken, LoadPath path, int concurrency, int seconds, CancellationToken cancellationToken)
    {
        List<string> arguments = ["-c", LoadGeneratorCpu, "hey", "-z", $"{seconds}s", "-c", Arg(concurrency), "-t", "20", "-m", path.Method,
            "-H", $"Authorization: Bearer {accessToken}"];
        if (path.JsonBody is not null)
        {
            arguments.AddRange(["-T", "application/json", "-d", path.JsonBody]);
        }

        arguments.Add(new Uri(gateway, path.PathAndQuery).ToString());
        var result = await Cli.Wrap("taskset").WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"hey exited with {result.ExitCode}: {result.StandardError.Trim()}");
        }

        return Parse(concurrency, result.StandardOutput);
    }

    /// <summary>hey's text summary as one step; throws when it is not the summary hey prints.</summary>
    public static Step Parse(int concurrency, string summary)
    {
        var total = TotalLine().Match(summary);
        if (!total.Success)
        {
            throw new InvalidOperationException($"hey printed no summary: {summary}");
        }

        var (statuses, errors) = summary.IndexOf("Error distribution:", StringComparison.Ordinal) is var at and >= 0
            ? (summary[..at], summary[at..])
            : (summary, "");
        var codes = StatusLine().Matches(statuses).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => Count(m.Groups[2]));
        var failures = ErrorLine().Matches(errors).Select(m => (Count: Count(m.Groups[1]), Message: m.Groups[2].Value.Trim())).ToList();
        return new Step(
            concurrency,
            TimeSpan.FromSeconds(Seconds(total.Groups[1])),
            codes,
            failures,
            PercentileMs(summary, 50),
            PercentileMs(summary, 99));
    }

    private static double PercentileMs(string summary, int percent)
    {
        var line = Regex.Match(summary, $@"^\s*{percent}% in ([0-9.]+) secs", RegexOptions.Multiline);
        return line.Success ? Seconds(line.Groups[1]) * 1000 : double.NaN;
    }

    private static double Seconds(Group group) => double.Parse(group.Value, CultureInfo.InvariantCulture);

    private static int Count(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static string Arg(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*Total:\s+([0-9.]+) secs", RegexOptions.Multiline)]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"^\s*\[(\d{3})\]\s+(\d+) responses", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^\s*\[(\d+)\]\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}

/// <summary>What one concurrency step did: responses by status code, requests without a response, and latency.</summary>
public sealed record Step(
    int Concurrency,
    TimeSpan Elapsed,
    IReadOnlyDictionary<int, int> StatusCodes,
    IReadOnlyList<(int Count, string Message)> Errors,
    double P50Ms,
    double P99Ms)
{
    public int Succeeded => StatusCodes.Where(code => code.Key is >= 200 and < 300).Sum(code => code.Value);

    public int Non2xx => StatusCodes.Where(code => code.Key is < 200 or >= 300).Sum(code => code.Value);

    public int NoResponse => Errors.Sum(error => error.Count);

    public int Failed => Non2xx + NoResponse;

    /// <summary>Successful requests per second: failures do not count as throughput.</summary>
    public double RequestsPerSecond => Succeeded / Elapsed.TotalSeconds;

    public string Failures => string.Join("; ", StatusCodes.Where(code => code.Key is < 200 or >= 300).Select(code => $"{code.Value} x {code.Key}")
        .Concat(Errors.Select(error => $"{error.Count} x {error.Message}")));
}
