using System.Globalization;

namespace AgentCalls.Bench.Load;

/// <summary>How long each step runs, which concurrencies are stepped through, and how big the seeded book is.</summary>
public sealed record LoadOptions(int Seconds = 10, int WarmupSeconds = 3, int BookSize = 1000)
{
    public const string Usage =
        "usage: bench/load/run.sh [--seconds N per step (10)] [--warmup N seconds per path (3)] [--book N clients (1000)] [--steps 1,2,4,8,16,32,64,128]";

    public IReadOnlyList<int> Steps { get; init; } = [1, 2, 4, 8, 16, 32, 64, 128];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Positive(args[i], value) },
                "--warmup" => options with { WarmupSeconds = Positive(args[i], value) },
                "--book" => options with { BookSize = Positive(args[i], value) },
                "--steps" => options with { Steps = StepsOf(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static int[] StepsOf(string value)
    {
        var steps = value.Split(',').Select(step => Positive("--steps", step.Trim())).ToArray();
        return steps.SequenceEqual(steps.Order().Distinct())
            ? steps
            : throw new ArgumentException($"--steps takes rising concurrencies, such as 1,2,4,8, not {value}.");
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} takes a whole number above 0, not {value}.");
}
