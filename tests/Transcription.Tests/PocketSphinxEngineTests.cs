using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Speech.PocketSphinx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Tests;

/// <summary>The local engine with its deployed settings: the mixture of the general and the session's domain model.</summary>
public sealed class PocketSphinxEngineTests
{
    private static readonly string[] Vocabulary = ["Xiomara Okafor", "Progressive", "Nationwide", "umbrella policy"];

    [Fact]
    public async Task Recognizer_RecordedEnglishOutsideTheInsuranceCorpus_ComesBackWithItsOwnWords()
    {
        // Real read English (Debian's pocketsphinx-testdata): "had he married a more amiable woman he might have been
        // made still more respectable than he was". The domain model alone heard "add email raise am or in the a whole
        // will money buy of the make still motorist back tomorrow money was".
        var speech = await SpokenAudio.ReadAsync("/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0920.wav");
        var engine = new PocketSphinxEngine(Options.Create(new PocketSphinxOptions()), NullLogger<PocketSphinxEngine>.Instance);
        using var session = await engine.StartSessionAsync(Vocabulary, TestContext.Current.CancellationToken);
        using var recognizer = session.CreateRecognizer();

        recognizer.Begin();
        foreach (var chunk in speech.Chunk(SpokenAudio.SampleRate / 10))
        {
            recognizer.Accept(chunk);
        }

        var heard = await recognizer.EndAsync(TestContext.Current.CancellationToken);
        var words = heard.Text.Split(' ');
        Assert.Contains("amiable", words);
        Assert.Contains("woman", words);
        Assert.Contains("respectable", words);
        // The mean of the words' posteriors (about 0.5 here); the sentence's own posterior is about 1e-14.
        Assert.InRange(heard.Confidence, 0.2f, 1f);
    }
}
