using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Speech.Groq;

namespace AgentCalls.Transcription.Tests;

/// <summary>Where audio too large for the provider is cut.</summary>
public sealed class SilenceSplitterTests
{
    [Fact]
    public async Task Split_TwoPhrasesWithAPauseBetween_CutsInThePause()
    {
        var first = await SpokenAudio.SayAsync("your renewal is due");
        var second = await SpokenAudio.SayAsync("next tuesday");
        var pause = SpokenAudio.Silence(0.4);
        short[] audio = [.. first, .. pause, .. second];

        var pieces = SilenceSplitter.Split(audio, first.Length + pause.Length);

        Assert.Equal(2, pieces.Count);
        var cut = pieces[0].Length;
        Assert.InRange(cut, SpokenAudio.SpeechBounds(first).Last, first.Length + pause.Length + SpokenAudio.SpeechBounds(second).First);
        Assert.Equal(audio, pieces.SelectMany(p => p.ToArray()).ToArray());
    }

    [Fact]
    public void Split_AudioWithinTheLimit_IsOnePiece()
    {
        var audio = new short[16_000];

        var piece = Assert.Single(SilenceSplitter.Split(audio, audio.Length));

        Assert.Equal(audio.Length, piece.Length);
    }

    [Fact]
    public void Split_LongAudio_EveryPieceFitsAndNoneIsShorterThanHalfTheLimit()
    {
        var random = new Random(3);
        var audio = Enumerable.Range(0, 10 * 16_000).Select(_ => (short)random.Next(-4000, 4000)).ToArray();
        const int limit = 16_000;

        var pieces = SilenceSplitter.Split(audio, limit);

        Assert.Equal(audio.Length, pieces.Sum(p => p.Length));
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, limit));
        Assert.All(pieces.SkipLast(1), p => Assert.True(p.Length >= limit / 2 - 160, $"a piece of {p.Length} samples"));
    }
}
