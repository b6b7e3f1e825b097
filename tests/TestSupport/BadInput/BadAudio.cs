using System.Buffers.Binary;
using CsCheck;

namespace AgentCalls.TestSupport.BadInput;

/// <summary>
/// Generated recordings: WAV files whose header says any sample rate, channel count, sample size or format (some of them
/// nonsense), whose sizes lie, and which are cut off anywhere, header included; and bytes that are no audio at all.
/// </summary>
public static class BadAudio
{
    private static readonly int[] SampleRates = [8_000, 11_025, 16_000, 22_050, 44_100, 48_000, 96_000, 0, 1, 4_000_000];
    private static readonly short[] Channels = [1, 2, 0, 3, 8];
    private static readonly short[] BitsPerSample = [16, 8, 24, 32, 0, 7];
    private static readonly short[] Formats = [1, 3, 0x11, unchecked((short)0xFFFE), 0];

    private static Gen<T> Pick<T>(T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<byte[]> Wav = Gen.Select(
        Pick(SampleRates), Pick(Channels), Pick(BitsPerSample), Pick(Formats), Gen.Byte.Array[0, 8_000], Gen.Bool,
        (rate, channels, bits, format, samples, lyingSizes) => Header(rate, channels, bits, format, samples.Length, lyingSizes).Concat(samples).ToArray());

    /// <summary>A file with a description of it, for the failure report.</summary>
    public static readonly Gen<(string Description, byte[] Bytes)> Files = Gen.Frequency(
        (6, Wav.Select(wav => ($"WAV of {wav.Length} bytes, header {Convert.ToHexString(wav.AsSpan(0, 44))}", wav))),
        (3, Gen.Select(Wav, Gen.Int[1, 60], (wav, cut) => ($"WAV cut to {Math.Min(cut, wav.Length)} bytes: {Convert.ToHexString(wav.AsSpan(0, Math.Min(cut, wav.Length)))}", wav[..Math.Min(cut, wav.Length)]))),
        (1, Gen.Byte.Array[1, 4_000].Select(bytes => ("random bytes", bytes))),
        (1, Gen.Const(("empty", Array.Empty<byte>()))));

    private static byte[] Header(int rate, short channels, short bits, short format, int dataBytes, bool lyingSizes)
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), lyingSizes ? int.MaxValue : 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), format);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), channels);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), rate * channels * bits / 8);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), (short)(channels * bits / 8));
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), bits);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), lyingSizes ? int.MaxValue : dataBytes);
        return header;
    }
}
