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
    /// The domain model's weight in the mixture with the general model; 1 uses the domain model alone. 1 by default:
    /// measured here on espeak-ng speech, mixtures at 0.5, 0.9 and even 0.99 still decoded like the general model alone
    /// (no vocabulary word recognised), while the domain model alone recognised them (issue #12).
    /// </summary>
    [Range(0.0, 1.0)]
    public float DomainWeight { get; set; } = 1f;

    public string AcousticModel => Path.Combine(ModelDirectory, "en-us");

    public string GeneralLanguageModel => Path.Combine(ModelDirectory, "en-us.lm.bin");

    public string Dictionary => Path.Combine(ModelDirectory, "cmudict-en-us.dict");
}
