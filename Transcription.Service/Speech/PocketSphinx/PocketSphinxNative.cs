using System.Runtime.InteropServices;

namespace AgentCalls.Transcription.Service.Speech.PocketSphinx;

/// <summary>
/// The calls into Debian's PocketSphinx 5prealpha and sphinxbase that this engine uses. Handles are raw pointers:
/// <see cref="PocketSphinxRecognizer"/> owns them and frees them once.
/// </summary>
internal static partial class PocketSphinxNative
{
    private const string PocketSphinx = "libpocketsphinx.so.3";
    private const string SphinxBase = "libsphinxbase.so.3";

    /// <summary>sphinxbase's <c>NGRAM_AUTO</c>: the file's type is detected (ARPA text or binary).</summary>
    public const int NgramAuto = 0;

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_args();

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_init(IntPtr config);

    [DllImport(PocketSphinx)]
    public static extern int ps_free(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_get_logmath(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern int ps_add_word(IntPtr ps, [MarshalAs(UnmanagedType.LPStr)] string word, [MarshalAs(UnmanagedType.LPStr)] string phones, int update);

    [DllImport(PocketSphinx)]
    public static extern int ps_set_lm(IntPtr ps, [MarshalAs(UnmanagedType.LPStr)] string name, IntPtr lm);

    [DllImport(PocketSphinx)]
    public static extern int ps_set_search(IntPtr ps, [MarshalAs(UnmanagedType.LPStr)] string name);

    [DllImport(PocketSphinx)]
    public static extern int ps_start_utt(IntPtr ps);

    [DllImport(PocketSphinx)]
    public static extern int ps_process_raw(IntPtr ps, short[] data, nuint samples, int noSearch, int fullUtterance);

    [DllImport(PocketSphinx)]
    public static extern int ps_end_utt(IntPtr ps);

    /// <summary>The decoder owns the returned string: read it, never free it.</summary>
    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_get_hyp(IntPtr ps, out int bestScore);

    /// <summary>The words of the last hypothesis, with silences and fillers; null when there are none. Free it unless <see cref="ps_seg_next"/> ran to the end.</summary>
    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_seg_iter(IntPtr ps);

    /// <summary>The next segment, or null at the end (the iterator is then freed).</summary>
    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_seg_next(IntPtr segment);

    /// <summary>The segment's word (owned by the decoder).</summary>
    [DllImport(PocketSphinx)]
    public static extern IntPtr ps_seg_word(IntPtr segment);

    /// <summary>The segment's posterior probability in the lattice (log domain), with its acoustic and language scores.</summary>
    [DllImport(PocketSphinx)]
    public static extern int ps_seg_prob(IntPtr segment, out int acoustic, out int language, out int languageBackoff);

    [DllImport(SphinxBase)]
    public static extern IntPtr cmd_ln_parse_r(IntPtr config, IntPtr definitions, int argc, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string[] argv, int strict);

    [DllImport(SphinxBase)]
    public static extern int cmd_ln_free_r(IntPtr config);

    [DllImport(SphinxBase)]
    public static extern IntPtr ngram_model_read(IntPtr config, [MarshalAs(UnmanagedType.LPStr)] string path, int fileType, IntPtr logmath);

    [DllImport(SphinxBase)]
    public static extern IntPtr ngram_model_set_init(IntPtr config, IntPtr[] models, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string[] names, float[] weights, int count);

    [DllImport(SphinxBase)]
    public static extern int ngram_model_free(IntPtr model);

    [DllImport(SphinxBase)]
    public static extern double logmath_exp(IntPtr logmath, int value);

    /// <summary>With a null stream: no logging at all, for every decoder in the process.</summary>
    [DllImport(SphinxBase)]
    public static extern void err_set_logfp(IntPtr stream);
}
