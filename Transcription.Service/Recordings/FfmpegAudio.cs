using System.Globalization;
using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>What ffprobe found in a file: its first audio stream's channel count and the audio's length.</summary>
public sealed record AudioProbe(int Channels, double DurationSeconds);

/// <summary>Debian's ffprobe and ffmpeg as processes: they read every format a call recorder writes, so nothing here decodes by hand.</summary>
public sealed class FfmpegAudio(IOptions<RecordingsOptions> options)
{
    public const int SampleRate = 16_000;

    /// <summary>The file's first audio stream, or null when ffprobe finds none (not a media file, or one without sound).</summary>
    public async Task<AudioProbe?> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap(options.Value.FfprobePath)
            .WithArguments(["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=channels,duration:format=duration", "-of", "json", path])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        if (!result.IsSuccess)
        {
            return null;
        }

        using var json = JsonDocument.Parse(result.StandardOutput);
        if (!json.RootElement.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            return null;
        }

        var stream = streams[0];
        var channels = stream.TryGetProperty("channels", out var c) ? c.GetInt32() : 0;
        var duration = Seconds(json.RootElement.TryGetProperty("format", out var format) ? format : default) ?? Seconds(stream) ?? 0;
        return new AudioProbe(channels, duration);
    }

    /// <summary>
    /// Decodes the first audio stream to 16 kHz signed 16-bit PCM with <paramref name="channels"/> interleaved channels,
    /// handing it over a second at a time (the last block may be shorter). Throws <see cref="InvalidDataException"/> when ffmpeg fails.
    /// </summary>
    public async Task DecodeAsync(string path, int channels, Func<ReadOnlyMemory<short>, CancellationToken, Task> onBlock, CancellationToken cancellationToken)
    {
        var errors = new StringBuilder();
        var result = await Cli.Wrap(options.Value.FfmpegPath)
            .WithArguments(["-nostdin", "-v", "error", "-i", path, "-map", "0:a:0", "-ac", channels.ToString(CultureInfo.InvariantCulture),
                "-ar", SampleRate.ToString(CultureInfo.InvariantCulture), "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"])
            .WithStandardOutputPipe(PipeTarget.Create((stdout, ct) => ReadBlocksAsync(stdout, channels, onBlock, ct)))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(errors))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(cancellationToken);
        if (!result.IsSuccess)
        {
            var reason = errors.ToString().Trim().Split('\n')[^1];
            throw new InvalidDataException($"ffmpeg could not decode the file: {reason}");
        }
    }

    private static async Task ReadBlocksAsync(Stream stdout, int channels, Func<ReadOnlyMemory<short>, CancellationToken, Task> onBlock, CancellationToken cancellationToken)
    {
        var frameBytes = channels * sizeof(short);
        var buffer = new byte[SampleRate * frameBytes];
        while (true)
        {
            var filled = await stdout.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var whole = filled - filled % frameBytes;
            if (whole > 0)
            {
                var samples = new short[whole / sizeof(short)];
                Buffer.BlockCopy(buffer, 0, samples, 0, whole);
                await onBlock(samples, cancellationToken);
            }

            if (filled < buffer.Length)
            {
                return;
            }
        }
    }

    private static double? Seconds(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("duration", out var d)
        && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
}
