using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentCalls.Transcription.Service.Speech.PocketSphinx;

/// <summary>
/// A small bigram language model of one session's domain, written as ARPA text: the insurance-call corpus kept with
/// the service, with the session's vocabulary hints as sentences of their own and set into the corpus's
/// <c>{hint}</c> templates. Mixed with the general model it makes the call's words likely without making general
/// speech unlikely. Bigrams use absolute discounting with backoff to add-one unigrams.
/// </summary>
public static partial class DomainLanguageModel
{
    private const double Discount = 0.5;

    /// <summary>
    /// In a mixture, the share of the unigram (backoff) level the corpus's words hold, except the session's hint words; the rest
    /// belongs to the words outside the corpus, which only the general model scores. The model is sure of its phrases,
    /// not of its words on their own: with the whole unigram mass every corpus word outscored the general model anywhere
    /// in a sentence, and ordinary speech came back as insurance words (bench/transcription). Hint words (names,
    /// carriers) keep their whole share, since they may be said in any sentence.
    /// </summary>
    public const double MixedUnigramMass = 0.01;

    /// <summary>The corpus's sentences with every hint substituted into its templates, as lowercase words.</summary>
    public static IReadOnlyList<string[]> Sentences(IEnumerable<string> corpusLines, IReadOnlyList<string> hints)
    {
        var sentences = new List<string[]>();
        foreach (var line in corpusLines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var expanded = line.Contains("{hint}", StringComparison.Ordinal) ? hints.Select(h => line.Replace("{hint}", h, StringComparison.Ordinal)) : [line];
            sentences.AddRange(expanded.Select(Words).Where(w => w.Length > 0));
        }

        sentences.AddRange(hints.Select(Words).Where(w => w.Length > 0));
        return sentences;
    }

    /// <summary>The lowercase words of a phrase, as the dictionary spells them (letters and apostrophes).</summary>
    public static string[] Words(string phrase) =>
        WordPattern().Matches(phrase.ToLowerInvariant()).Select(m => m.Value.Trim('\'')).Where(w => w.Length > 0).ToArray();

    /// <summary>
    /// The model as ARPA text; the words of <paramref name="hints"/> keep their whole unigram share, the others
    /// <paramref name="unigramMass"/> of it (1 when the domain model is used alone: there are no other words to leave it to).
    /// </summary>
    public static string ToArpa(IReadOnlyList<string[]> sentences, IReadOnlyList<string> hints, double unigramMass)
    {
        var hintWords = hints.SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        var unigrams = new Dictionary<string, int>(StringComparer.Ordinal) { ["<s>"] = 0, ["</s>"] = 0 };
        var bigrams = new Dictionary<(string, string), int>();
        foreach (var sentence in sentences)
        {
            string[] tokens = ["<s>", .. sentence, "</s>"];
            for (var i = 0; i < tokens.Length; i++)
            {
                unigrams[tokens[i]] = unigrams.GetValueOrDefault(tokens[i]) + (i == 0 ? 0 : 1);
                if (i > 0)
                {
                    bigrams[(tokens[i - 1], tokens[i])] = bigrams.GetValueOrDefault((tokens[i - 1], tokens[i])) + 1;
                }
            }
        }

        var total = unigrams.Values.Sum();
        double Unigram(string word) => word == "<s>" ? 0 : (hintWords.Contains(word) ? 1 : unigramMass) * (unigrams[word] + 1.0) / (total + unigrams.Count - 1);

        var byHistory = bigrams.GroupBy(b => b.Key.Item1).ToDictionary(g => g.Key, g => g.ToList());
        var bigramProbabilities = new List<(string History, string Word, double P)>();
        var backoffs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (history, followers) in byHistory)
        {
            var count = (double)followers.Sum(f => f.Value);
            var reserved = Discount * followers.Count / count;
            var listed = followers.Select(f => (Word: f.Key.Item2, P: (f.Value - Discount) / count + reserved * Unigram(f.Key.Item2))).ToList();
            bigramProbabilities.AddRange(listed.Select(l => (history, l.Word, l.P)));
            var listedUnigramMass = listed.Sum(l => Unigram(l.Word));
            backoffs[history] = (1 - listed.Sum(l => l.P)) / Math.Max(1e-9, 1 - listedUnigramMass);
        }

        var arpa = new StringBuilder();
        arpa.Append("\\data\\\n").Append(CultureInfo.InvariantCulture, $"ngram 1={unigrams.Count}\n").Append(CultureInfo.InvariantCulture, $"ngram 2={bigramProbabilities.Count}\n\n\\1-grams:\n");
        foreach (var word in unigrams.Keys.Order(StringComparer.Ordinal))
        {
            var p = word == "<s>" ? -99 : Math.Log10(Unigram(word));
            arpa.Append(CultureInfo.InvariantCulture, $"{p:F4} {word}");
            if (backoffs.TryGetValue(word, out var backoff))
            {
                arpa.Append(CultureInfo.InvariantCulture, $" {Math.Log10(backoff):F4}");
            }

            arpa.Append('\n');
        }

        arpa.Append("\n\\2-grams:\n");
        foreach (var (history, word, p) in bigramProbabilities.OrderBy(b => b.History, StringComparer.Ordinal).ThenBy(b => b.Word, StringComparer.Ordinal))
        {
            arpa.Append(CultureInfo.InvariantCulture, $"{Math.Log10(p):F4} {history} {word}\n");
        }

        return arpa.Append("\n\\end\\\n").ToString();
    }

    [GeneratedRegex(@"[a-z']+")]
    private static partial Regex WordPattern();
}
