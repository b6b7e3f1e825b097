using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AgentCalls.TestSupport;

/// <summary>Speech made with espeak-ng (or a recording) resampled by sox to 16 kHz mono PCM16, as a live call sends it.</summary>
public static class SpokenAudio
{
    public const int SampleRate = 16_000;

    private static readonly ConcurrentDictionary<(string, string), Lazy<Task<short[]>>> Cache = new();

    public static Task<short[]> SayAsync(string text, string voice = "en-us") =>
        Cache.GetOrAdd((text, voice), key => new Lazy<Task<short[]>>(() => SynthesizeAsync(key.Item1, key.Item2))).Value;

    /// <summary>A recording (any format sox reads) as 16 kHz mono PCM16.</summary>
    public static async Task<short[]> ReadAsync(string path) =>
        MemoryMarshal.Cast<byte, short>(await RunAsync("sox", ["-R", path, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", "-"])).ToArray();

    public static short[] Silence(double seconds) => new short[(int)(seconds * SampleRate)];

    /// <summary>Where speech really is in a clip: the first and last samples louder than a whisper.</summary>
    public static (int First, int Last) SpeechBounds(short[] samples)
    {
        const int loud = 500;
        return (Array.FindIndex(samples, s => Math.Abs((int)s) > loud), Array.FindLastIndex(samples, s => Math.Abs((int)s) > loud));
    }

    /// <summary>The samples as the 100 ms chunks a live call sends.</summary>
    public static IEnumerable<byte[]> Chunks(short[] samples, int samplesPerChunk = SampleRate / 10)
    {
        for (var i = 0; i < samples.Length; i += samplesPerChunk)
        {
            yield return MemoryMarshal.AsBytes(samples.AsSpan(i, Math.Min(samplesPerChunk, samples.Length - i))).ToArray();
        }
    }

    private static async Task<short[]> SynthesizeAsync(string text, string voice)
    {
        var wav = Path.Combine(Path.GetTempPath(), $"agentcalls-say-{Guid.NewGuid():N}.wav");
        try
        {
            await RunAsync("espeak-ng", ["-v", voice, "-s", "150", "-w", wav, text]);
            // -R: sox dithers with a random seed by default, and recognition of the same speech must not vary between runs.
            var raw = await RunAsync("sox", ["-R", wav, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", "-"]);
            return MemoryMarshal.Cast<byte, short>(raw).ToArray();
        }
        finally
        {
            File.Delete(wav);
        }
    }

    /// <summary>Runs a program to its end and returns what it wrote to standard output; a failure throws with its errors.</summary>
    public static async Task<byte[]> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        return process.ExitCode == 0 ? output.ToArray() : throw new InvalidOperationException($"{program} failed: {await errors}");
    }
}
