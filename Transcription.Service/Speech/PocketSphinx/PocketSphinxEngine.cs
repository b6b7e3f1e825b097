using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Speech.PocketSphinx;

/// <summary>
/// The local engine: Debian's PocketSphinx, biased per session toward the call's vocabulary by a mixture of the
/// general language model with a domain model built from the insurance corpus and the session's hints; words the
/// dictionary lacks get pronunciations from espeak-ng.
/// </summary>
public sealed class PocketSphinxEngine(IOptions<PocketSphinxOptions> options, ILogger<PocketSphinxEngine> logger) : ISpeechEngine
{
    public const string EngineName = "pocketsphinx";

    private readonly Lazy<HashSet<string>> dictionaryWords = new(() => ReadDictionaryWords(options.Value.Dictionary));

    public string Name => EngineName;

    public async Task<ISpeechSession> StartSessionAsync(IReadOnlyList<string> vocabulary, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var corpus = await File.ReadAllLinesAsync(settings.CorpusPath, cancellationToken);
        var sentences = DomainLanguageModel.Sentences(corpus, vocabulary);
        var known = dictionaryWords.Value;
        var added = new List<(string Word, string Phones)>();
        foreach (var word in sentences.SelectMany(s => s).Where(w => !known.Contains(w)).Distinct())
        {
            if (EspeakPhonemes.Pronounce(word) is { } phones)
            {
                added.Add((word, phones));
            }
            else
            {
                logger.NoPronunciation(word);
            }
        }

        var arpaPath = Path.Combine(Path.GetTempPath(), $"agentcalls-domain-{Guid.NewGuid():N}.arpa");
        await File.WriteAllTextAsync(arpaPath, DomainLanguageModel.ToArpa(sentences, vocabulary, settings.IsMixture ? DomainLanguageModel.MixedUnigramMass : 1), cancellationToken);
        return new PocketSphinxSession(settings, arpaPath, added);
    }

    private static HashSet<string> ReadDictionaryWords(string path) =>
        File.ReadLines(path).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

    private sealed class PocketSphinxSession(PocketSphinxOptions options, string arpaPath, IReadOnlyList<(string Word, string Phones)> addedWords) : ISpeechSession
    {
        public IUtteranceRecognizer CreateRecognizer() => new PocketSphinxRecognizer(options, arpaPath, addedWords);

        // Every recognizer has read the domain model by the time the session ends; the file is no longer needed.
        public void Dispose() => File.Delete(arpaPath);
    }
}

internal static partial class PocketSphinxLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No pronunciation for the vocabulary word '{Word}': it cannot be recognised.")]
    public static partial void NoPronunciation(this ILogger logger, string word);
}
