using System.Globalization;
using System.Runtime.InteropServices;
using static AgentCalls.Transcription.Service.Speech.PocketSphinx.PocketSphinxNative;

namespace AgentCalls.Transcription.Service.Speech.PocketSphinx;

/// <summary>
/// One PocketSphinx decoder for one channel. Built without <c>-lm</c>, the session's words are added first and the
/// language-model mixture set last: adding words to a decoder with a search registered rebuilds every search.
/// Each decoder reads its own models, since sphinxbase's n-gram models are not safe to share between threads.
/// Logging is switched off once for the process rather than with <c>-logfn</c>: sphinxbase's log file is global,
/// and a decoder opened with <c>-logfn</c> closes the file another thread's decoder may be writing to.
/// </summary>
public sealed class PocketSphinxRecognizer : IUtteranceRecognizer
{
    private const string SearchName = "session";

    /// <summary>PocketSphinx's default <c>-lw</c>, set explicitly because the mixture's weights are raised to it.</summary>
    private const float LanguageWeight = 6.5f;

    private IntPtr config;
    private IntPtr decoder;
    private short[] buffer = new short[4096];

    static PocketSphinxRecognizer() => err_set_logfp(IntPtr.Zero);

    public PocketSphinxRecognizer(PocketSphinxOptions options, string domainArpaPath, IReadOnlyList<(string Word, string Phones)> addedWords)
    {
        var languageWeight = LanguageWeight.ToString(CultureInfo.InvariantCulture);
        // The second pass (fwdflat) scales language scores by its own -fwdflatlw over -lw (8.5 / 6.5 by default), which
        // bends a mixture's weights away from the shares; at -lw, recorded speech decoded as with the general model.
        string[] argv =
        [
            "-hmm", options.AcousticModel, "-dict", options.Dictionary, "-lw", languageWeight,
            "-fwdflatsfwin", options.FlatPassWordStartWindow.ToString(CultureInfo.InvariantCulture),
            .. options.IsMixture ? (string[])["-fwdflatlw", languageWeight] : [],
        ];
        config = cmd_ln_parse_r(IntPtr.Zero, ps_args(), argv.Length, argv, 1);
        decoder = config == IntPtr.Zero ? IntPtr.Zero : ps_init(config);
        if (decoder == IntPtr.Zero)
        {
            Dispose();
            throw new InvalidOperationException($"PocketSphinx could not load its model from {options.ModelDirectory}.");
        }

        foreach (var (word, phones) in addedWords)
        {
            ps_add_word(decoder, word, phones, 0);
        }

        if (!SetMixture(options, domainArpaPath))
        {
            Dispose();
            throw new InvalidOperationException("PocketSphinx could not set the session's language-model mixture.");
        }
    }

    public bool HasPartials => true;

    public void Begin() => ps_start_utt(decoder);

    public void Accept(ReadOnlySpan<short> samples)
    {
        if (buffer.Length < samples.Length)
        {
            buffer = new short[samples.Length];
        }

        samples.CopyTo(buffer);
        ps_process_raw(decoder, buffer, (nuint)samples.Length, 0, 0);
    }

    public string Partial() => Hypothesis();

    public Task<RecognizedText> EndAsync(CancellationToken cancellationToken)
    {
        ps_end_utt(decoder);
        var text = Hypothesis();
        return Task.FromResult(new RecognizedText(text, text.Length == 0 ? 0f : WordConfidence()));
    }

    public void Dispose()
    {
        if (decoder != IntPtr.Zero)
        {
            ps_free(decoder);
            decoder = IntPtr.Zero;
        }

        if (config != IntPtr.Zero)
        {
            cmd_ln_free_r(config);
            config = IntPtr.Zero;
        }
    }

    /// <summary>Registers the session's search on the mixture of the models that have a share, and selects it.</summary>
    private bool SetMixture(PocketSphinxOptions options, string domainArpaPath)
    {
        // Only the models with a share are read: the general one is 27 MB.
        var logmath = ps_get_logmath(decoder);
        var mixed = new[] { (Name: "general", Path: options.GeneralLanguageModel, Share: 1 - options.DomainWeight), (Name: "domain", Path: domainArpaPath, Share: options.DomainWeight) }
            .Where(m => m.Share > 0).ToArray();
        var models = mixed.Select(m => ngram_model_read(config, m.Path, NgramAuto, logmath)).ToArray();
        // sphinxbase adds a model's log weight after the language weight has scaled its log probability, so a weight w
        // acts on probabilities as w^(1/lw): linear shares of 0.5 to 0.99 all decoded alike. Raised to lw, the shares
        // weigh probabilities as they say; taken relative to the larger share, the mixture adds no penalty per word.
        var largest = mixed.Max(m => m.Share);
        var mixture = models.Contains(IntPtr.Zero) ? IntPtr.Zero
            : ngram_model_set_init(config, models, [.. mixed.Select(m => m.Name)], [.. mixed.Select(m => MathF.Pow(m.Share / largest, LanguageWeight))], models.Length);
        // The set holds its own references to the models, and the search to the set.
        var searchSet = mixture != IntPtr.Zero && ps_set_lm(decoder, SearchName, mixture) == 0 && ps_set_search(decoder, SearchName) == 0;
        foreach (var model in models.Append(mixture).Where(m => m != IntPtr.Zero))
        {
            ngram_model_free(model);
        }

        return searchSet;
    }

    private string Hypothesis() => Marshal.PtrToStringUTF8(ps_get_hyp(decoder, out _)) ?? "";

    /// <summary>
    /// The mean of the words' posterior probabilities in the utterance's lattice. The whole hypothesis's posterior
    /// (<c>ps_get_prob</c>) is vanishingly small for any sentence (1e-14 to 1e-25 for the ones in bench/transcription).
    /// Silences and fillers (<c>&lt;s&gt;</c>, <c>&lt;sil&gt;</c>, <c>[NOISE]</c>) are not words.
    /// </summary>
    private float WordConfidence()
    {
        var logmath = ps_get_logmath(decoder);
        var (sum, words) = (0.0, 0);
        for (var segment = ps_seg_iter(decoder); segment != IntPtr.Zero; segment = ps_seg_next(segment))
        {
            if (Marshal.PtrToStringUTF8(ps_seg_word(segment)) is { Length: > 0 } word && word[0] is not ('<' or '['))
            {
                sum += logmath_exp(logmath, ps_seg_prob(segment, out _, out _, out _));
                words++;
            }
        }

        return words == 0 ? 0f : (float)Math.Clamp(sum / words, 0, 1);
    }
}
