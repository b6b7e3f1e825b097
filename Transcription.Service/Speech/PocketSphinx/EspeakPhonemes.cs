using System.Runtime.InteropServices;
using System.Text;

namespace AgentCalls.Transcription.Service.Speech.PocketSphinx;

/// <summary>
/// Pronunciations for words the dictionary lacks (client names, carriers): espeak-ng's own phonemes for the word,
/// mapped to the CMU phone set of PocketSphinx's en-us acoustic model, so those words can be recognised at all.
/// </summary>
public static class EspeakPhonemes
{
    private const string Espeak = "libespeak-ng.so.1";

    // espeak-ng keeps global state and is not thread-safe.
    private static readonly Lock Gate = new();
    private static bool initialized;

    // espeak-ng's ASCII phoneme names (en-us) → CMU phones; stress marks are stripped before the lookup.
    private static readonly Dictionary<string, string> ToCmu = new()
    {
        ["p"] = "P", ["b"] = "B", ["t"] = "T", ["t#"] = "T", ["d"] = "D", ["d#"] = "D", ["k"] = "K", ["g"] = "G", ["x"] = "K",
        ["f"] = "F", ["v"] = "V", ["T"] = "TH", ["D"] = "DH", ["s"] = "S", ["z"] = "Z", ["S"] = "SH", ["Z"] = "ZH",
        ["tS"] = "CH", ["dZ"] = "JH", ["h"] = "HH", ["m"] = "M", ["n"] = "N", ["N"] = "NG", ["l"] = "L", ["r"] = "R",
        ["r-"] = "R", ["w"] = "W", ["j"] = "Y", ["?"] = "T", ["@L"] = "AH L", ["n-"] = "N", ["m-"] = "M", ["l-"] = "L",
        ["a"] = "AE", ["a#"] = "AE", ["A:"] = "AA", ["A"] = "AA", ["A@"] = "AA R", ["0"] = "AA", ["O:"] = "AO", ["O"] = "AO",
        ["O@"] = "AO R", ["o@"] = "AO R", ["oU"] = "OW", ["o"] = "OW", ["@"] = "AH", ["@2"] = "AH", ["@5"] = "AH", ["V"] = "AH",
        ["3"] = "ER", ["3:"] = "ER", ["@r"] = "ER", ["E"] = "EH", ["E2"] = "EH", ["E@"] = "EH R", ["e@"] = "EH R",
        ["eI"] = "EY", ["e"] = "EY", ["I"] = "IH", ["I2"] = "IH", ["I#"] = "IH", ["i"] = "IY", ["i:"] = "IY", ["i@"] = "IY R",
        ["i@3"] = "IY R", ["aI"] = "AY", ["aI@"] = "AY ER", ["aI3"] = "AY ER", ["aU"] = "AW", ["aU@"] = "AW ER", ["OI"] = "OY",
        ["U"] = "UH", ["U@"] = "UH R", ["u:"] = "UW", ["u"] = "UW",
    };

    /// <summary>The word's pronunciation as space-separated CMU phones, or null when espeak-ng yields none.</summary>
    public static string? Pronounce(string word)
    {
        var phones = new List<string>();
        foreach (var name in Mnemonics(word).Split('_', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bare = name.TrimStart('\'', ',', '%', '=');
            if (ToCmu.TryGetValue(bare, out var cmu) || ToCmu.TryGetValue(bare.TrimEnd('#', '2', '5', ';'), out cmu))
            {
                phones.Add(cmu);
            }
        }

        return phones.Count > 0 ? string.Join(' ', phones) : null;
    }

    private static string Mnemonics(string word)
    {
        lock (Gate)
        {
            if (!initialized)
            {
                // Synchronous mode with no audio device: only the text-to-phoneme front end is used.
                if (espeak_Initialize(2, 0, IntPtr.Zero, 0) < 0 || espeak_SetVoiceByName("en-us") != 0)
                {
                    throw new InvalidOperationException("espeak-ng could not be initialised with the en-us voice (is libespeak-ng1 installed?).");
                }

                initialized = true;
            }

            var text = Marshal.StringToCoTaskMemUTF8(word);
            try
            {
                var cursor = text;
                var result = new StringBuilder();
                // Phoneme names separated by '_' (bits 8–23 of the mode), ASCII names (bit 1 clear).
                while (cursor != IntPtr.Zero)
                {
                    var clause = espeak_TextToPhonemes(ref cursor, 0, '_' << 8);
                    result.Append('_').Append(Marshal.PtrToStringUTF8(clause));
                }

                return result.ToString();
            }
            finally
            {
                Marshal.FreeCoTaskMem(text);
            }
        }
    }

    [DllImport(Espeak)]
    private static extern int espeak_Initialize(int output, int bufferLength, IntPtr path, int options);

    [DllImport(Espeak)]
    private static extern int espeak_SetVoiceByName([MarshalAs(UnmanagedType.LPStr)] string name);

    [DllImport(Espeak)]
    private static extern IntPtr espeak_TextToPhonemes(ref IntPtr text, int textMode, int phonemeMode);
}
