using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Transcription.Service.Speech.PocketSphinx;

/// <summary>Where Debian's PocketSphinx model is, and how much the session's domain model weighs in the mixture.</summary>
public sealed class PocketSphinxOptions
{
    public const string Section = "Transcription:PocketSphinx";

    /// <summary>The folder holding <c>en-us/</c> (acoustic model), <c>en-us.lm.bin</c> and <c>cmudict-en-us.dict</c>.</summary>
    [Required]
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>The insurance-call corpus the domain model is built from.</summary>
    [Required]
    public string CorpusPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "Speech", "PocketSphinx", "insurance-phrases.txt");

    /// <summary>
    /// The domain model's share of each word's language-model probability in the mixture with the general model: 0 is
    /// the general model alone, 1 the domain model alone. 0.8 by default, measured on bench/transcription through the API:
    /// recorded English 42 % WER (the domain model alone 107 %, the command-line tool 37 %), the synthetic insurance call
    /// 0.80-0.84 of the general model's (the domain model alone 0.55). Ordinary speech stays intelligible; bias is weaker.
    /// </summary>
    [Range(0.0, 1.0)]
    public float DomainWeight { get; set; } = 0.8f;

    /// <summary>
    /// The second (flat lexicon) pass's window of word starts, in frames. The pass runs when an utterance ends, so it sets
    /// the time from the end of speech to its final: PocketSphinx's default of 25 took about 230 ms at the end of a 4 s
    /// utterance here, 10 about a quarter less, with the same word error rate on bench/transcription's recorded speech and
    /// call. Narrower beams for the pass were faster still but lost words on recorded speech.
    /// </summary>
    [Range(1, 1000)]
    public int FlatPassWordStartWindow { get; set; } = 10;

    /// <summary>Whether both language models have a share.</summary>
    public bool IsMixture => DomainWeight is > 0 and < 1;

    public string AcousticModel => Path.Combine(ModelDirectory, "en-us");

    public string GeneralLanguageModel => Path.Combine(ModelDirectory, "en-us.lm.bin");

    public string Dictionary => Path.Combine(ModelDirectory, "cmudict-en-us.dict");
}
