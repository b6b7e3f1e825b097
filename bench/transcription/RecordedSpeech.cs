using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Transcription;

/// <summary>
/// Real recorded human speech with reference transcripts: the LibriVox clips of Debian's <c>pocketsphinx-testdata</c>
/// (read English, 16 kHz mono), and Debian's own command-line recognizer on the same files as the baseline.
/// </summary>
public static partial class RecordedSpeech
{
    public const string Folder = "/usr/share/pocketsphinx/test/data/librivox";

    private const string Model = "/usr/share/pocketsphinx/model/en-us";

    public sealed record Clip(string Id, string Path, string Reference);

    /// <summary>The clips named in <c>fileids</c>, with their lines of <c>transcription</c> (without the sentence marks).</summary>
    public static async Task<List<Clip>> ClipsAsync()
    {
        if (!Directory.Exists(Folder))
        {
            throw new InvalidOperationException($"{Folder} is missing: run scripts/install-prerequisites.sh --test (Debian's pocketsphinx-testdata).");
        }

        var references = (await File.ReadAllLinesAsync(Path.Combine(Folder, "transcription")))
            .Select(l => TranscriptLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["text"].Value.Replace("<s>", "").Replace("</s>", "").Trim());
        return [.. (await File.ReadAllLinesAsync(Path.Combine(Folder, "fileids"))).Where(id => id.Length > 0)
            .Select(id => new Clip(id, Path.Combine(Folder, id + ".wav"), references[id]))];
    }

    /// <summary><c>pocketsphinx_continuous</c> on a file with Debian's general English model: its text, and how long it took.</summary>
    public static async Task<(string Text, TimeSpan Elapsed)> CommandLineAsync(Clip clip)
    {
        var started = Stopwatch.GetTimestamp();
        var output = await SpokenAudio.RunAsync("pocketsphinx_continuous", [
            "-infile", clip.Path, "-hmm", $"{Model}/en-us", "-lm", $"{Model}/en-us.lm.bin", "-dict", $"{Model}/cmudict-en-us.dict", "-logfn", "/dev/null"]);
        return (Encoding.UTF8.GetString(output).Trim(), Stopwatch.GetElapsedTime(started));
    }

    [GeneratedRegex(@"^(?<text>.*)\((?<id>[^()]+)\)\s*$")]
    private static partial Regex TranscriptLine();
}
