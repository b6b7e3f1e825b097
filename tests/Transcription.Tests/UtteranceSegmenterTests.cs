using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Vad;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Tests;

/// <summary>Silero VAD's cut points on audio whose silences are known.</summary>
public sealed class UtteranceSegmenterTests(TranscriptionServiceHost host)
{
    [Fact]
    public async Task Push_TwoPhrasesBetweenKnownSilences_CutsTwoUtterancesWhereTheSpeechIs()
    {
        var first = await SpokenAudio.SayAsync("your renewal is due next week");
        var second = await SpokenAudio.SayAsync("thank you goodbye");
        short[] audio = [.. SpokenAudio.Silence(1), .. first, .. SpokenAudio.Silence(1.5), .. second, .. SpokenAudio.Silence(1)];
        var (firstStart, firstEnd) = Shifted(SpokenAudio.SpeechBounds(first), SpokenAudio.SampleRate);
        var (secondStart, secondEnd) = Shifted(SpokenAudio.SpeechBounds(second), SpokenAudio.SampleRate + first.Length + (int)(1.5 * SpokenAudio.SampleRate));
        var segmenter = new UtteranceSegmenter(new SileroVad(host.Services.GetRequiredService<SileroVadModel>()), host.Services.GetRequiredService<IOptions<VadOptions>>().Value);

        var cuts = new List<Cut>();
        foreach (var chunk in audio.Chunk(1600))
        {
            segmenter.Push(chunk, cuts);
        }

        segmenter.Flush(cuts);
        var utterances = cuts.Where(c => c.Kind == CutKind.End).Select(c => (Start: c.UtteranceStart, End: c.AudioEnd)).ToList();
        Assert.Equal(2, utterances.Count);
        const int tolerance = SpokenAudio.SampleRate / 4;
        Assert.InRange(utterances[0].Start, firstStart - tolerance, firstStart);
        Assert.InRange(utterances[0].End, firstEnd - tolerance, firstEnd + tolerance);
        Assert.InRange(utterances[1].Start, secondStart - tolerance, secondStart);
        Assert.InRange(utterances[1].End, secondEnd - tolerance, secondEnd + tolerance);
    }

    [Fact]
    public void Push_SilenceAndNoise_CutsNothing()
    {
        var random = new Random(7);
        short[] audio = [.. SpokenAudio.Silence(2), .. Enumerable.Range(0, 3 * SpokenAudio.SampleRate).Select(_ => (short)random.Next(-800, 800))];
        var segmenter = new UtteranceSegmenter(new SileroVad(host.Services.GetRequiredService<SileroVadModel>()), new VadOptions());

        var cuts = new List<Cut>();
        segmenter.Push(audio, cuts);
        segmenter.Flush(cuts);

        Assert.Empty(cuts);
    }

    private static (long Start, long End) Shifted((int First, int Last) bounds, int offset) => (bounds.First + offset, bounds.Last + offset);
}
