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

    private IntPtr config;
    private IntPtr decoder;
    private short[] buffer = new short[4096];

    static PocketSphinxRecognizer() => err_set_logfp(IntPtr.Zero);

    public PocketSphinxRecognizer(PocketSphinxOptions options, string domainArpaPath, IReadOnlyList<(string Word, string Phones)> addedWords)
    {
        string[] argv = ["-hmm", options.AcousticModel, "-dict", options.Dictionary];
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

        var logmath = ps_get_logmath(decoder);
        IntPtr[] models = [ngram_model_read(config, options.GeneralLanguageModel, NgramAuto, logmath), ngram_model_read(config, domainArpaPath, NgramAuto, logmath)];
        var mixture = !models.All(m => m != IntPtr.Zero) ? IntPtr.Zero
            : options.DomainWeight >= 1 ? ngram_model_set_init(config, [models[1]], ["domain"], [1f], 1)
            : ngram_model_set_init(config, models, ["general", "domain"], [1 - options.DomainWeight, options.DomainWeight], 2);
        // The set holds its own references to the models, and the search to the set.
        // Interpolation is switched on after the search is set: setting it selects the set's first model alone.
        var searchSet = mixture != IntPtr.Zero && ps_set_lm(decoder, SearchName, mixture) == 0 && ps_set_search(decoder, SearchName) == 0
            && ngram_model_set_interp(mixture, IntPtr.Zero, IntPtr.Zero) != IntPtr.Zero;
        foreach (var model in models.Append(mixture).Where(m => m != IntPtr.Zero))
        {
            ngram_model_free(model);
        }

        if (!searchSet)
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
        var confidence = text.Length == 0 ? 0f : (float)Math.Clamp(logmath_exp(ps_get_logmath(decoder), ps_get_prob(decoder)), 0, 1);
        return Task.FromResult(new RecognizedText(text, confidence));
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

    private string Hypothesis() => Marshal.PtrToStringUTF8(ps_get_hyp(decoder, out _)) ?? "";
}
