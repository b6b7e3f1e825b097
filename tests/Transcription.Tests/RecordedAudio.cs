using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AgentCalls.Transcription.Tests;

/// <summary>Recording files made at test time: espeak-ng speech encoded by ffmpeg into the formats agents upload.</summary>
public static class RecordedAudio
{
    /// <summary>One speaker's samples as a file of <paramref name="extension"/> ("wav", "flac", "mp3", "m4a", "ogg").</summary>
    public static Task<byte[]> MonoAsync(short[] samples, string extension) => EncodeAsync([samples], extension);

    /// <summary>A stereo file: the agent on the left channel, the client on the right.</summary>
    public static Task<byte[]> StereoAsync(short[] left, short[] right, string extension = "wav")
    {
        var length = Math.Max(left.Length, right.Length);
        return EncodeAsync([[.. left, .. new short[length - left.Length]], [.. right, .. new short[length - right.Length]]], extension);
    }

    private static async Task<byte[]> EncodeAsync(short[][] channels, string extension)
    {
        var folder = Directory.CreateTempSubdirectory("agentcalls-recorded-").FullName;
        try
        {
            var arguments = new List<string> { "-v", "error", "-nostdin" };
            for (var i = 0; i < channels.Length; i++)
            {
                var raw = Path.Combine(folder, $"{i}.raw");
                await File.WriteAllBytesAsync(raw, MemoryMarshal.AsBytes(channels[i].AsSpan()).ToArray());
                arguments.AddRange(["-f", "s16le", "-ar", "16000", "-ac", "1", "-i", raw]);
            }

            if (channels.Length == 2)
            {
                arguments.AddRange(["-filter_complex", "[0:a][1:a]join=inputs=2:channel_layout=stereo[a]", "-map", "[a]"]);
            }

            // Recorders write 44.1 kHz: the service must resample, not assume 16 kHz.
            var output = Path.Combine(folder, $"recording.{extension}");
            arguments.AddRange(["-ar", extension == "ogg" ? "48000" : "44100"]);
            if (extension == "ogg")
            {
                arguments.AddRange(["-c:a", "libopus"]);
            }

            arguments.Add(output);
            await RunAsync("ffmpeg", arguments);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {errors}");
        }
    }
}
