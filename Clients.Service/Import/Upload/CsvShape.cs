using System.Text;

namespace AgentCalls.Clients.Service.Import.Upload;

/// <summary>
/// What the upload learns about a file while storing it, without parsing it: its encoding (a byte order mark; else
/// UTF-8 when every byte of the file is valid UTF-8; else Windows-1252), how many records it has (line breaks outside
/// quotes, blank lines not counted), the header record, from which the delimiter is guessed, and the first records,
/// from which the agent sees what each encoding makes of the names. A file without a UTF-16 byte order mark is
/// scanned as Latin-1, one character per byte, so quotes and line breaks (ASCII in UTF-8 and Windows-1252 alike) are
/// found whatever it turns out to be, and the text kept is turned back into its bytes to be read in either encoding.
/// </summary>
public sealed class CsvShape
{
    private const int MaxHeaderChars = 1024 * 1024;
    private const int MaxSampleChars = 64 * 1024;
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    private readonly StringBuilder header = new();
    private readonly StringBuilder sample = new();
    private readonly Decoder strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private Decoder? scan;
    private char[] chars = [];
    private int sampleRecordsEnd;
    private bool inQuotes;
    private bool lineHasContent;

    /// <summary>Records seen, the header included.</summary>
    public int Records { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>The encoding the file's byte order mark names; null when it has none.</summary>
    public string? ByteOrderMark { get; private set; }

    /// <summary>Whether every byte so far is valid UTF-8.</summary>
    public bool ValidUtf8 { get; private set; } = true;

    /// <summary>The encoding found: see the class summary.</summary>
    public string Encoding => ByteOrderMark ?? (ValidUtf8 ? CsvEncodings.Utf8 : CsvEncodings.Windows1252);

    /// <summary>The encodings the agent can pick: only the one a UTF-16 byte order mark names; else UTF-8 and Windows-1252.</summary>
    public IReadOnlyList<string> Candidates => ByteOrderMark is { } bom && CsvEncodings.IsUtf16(bom) ? [bom] : CsvEncodings.AsciiCompatible;

    public void Feed(ReadOnlySpan<byte> data)
    {
        if (scan is null)
        {
            ByteOrderMark = CsvEncodings.FromByteOrderMark(data);
            scan = (ByteOrderMark is { } bom && CsvEncodings.IsUtf16(bom) ? CsvEncodings.Get(bom) : System.Text.Encoding.Latin1).GetDecoder();
        }

        Bytes += data.Length;
        if (chars.Length < data.Length + 4)
        {
            chars = new char[data.Length + 4];
        }

        CheckUtf8(data, flush: false);
        var count = scan.GetChars(data, chars, flush: false);
        foreach (var c in chars.AsSpan(0, count))
        {
            Count(c);
        }
    }

    /// <summary>Counts a last record without a final line break.</summary>
    public void Finish()
    {
        CheckUtf8([], flush: true);
        if (lineHasContent && Records > 0 && !inQuotes && sample.Length < MaxSampleChars)
        {
            sampleRecordsEnd = sample.Length;
        }

        Records += lineHasContent ? 1 : 0;
        lineHasContent = false;
    }

    /// <summary>The header record read in <paramref name="encoding"/> (without a byte order mark).</summary>
    public string HeaderText(string encoding) => Reread(header.ToString(), encoding).TrimStart('\uFEFF');

    /// <summary>The text of the first data records (whole records only) read in <paramref name="encoding"/>.</summary>
    public string SampleText(string encoding) => Reread(sample.ToString(0, sampleRecordsEnd), encoding);

    /// <summary>Text as scanned, read in <paramref name="encoding"/>: the bytes it stands for decoded again.</summary>
    private string Reread(string scanned, string encoding) =>
        ByteOrderMark is { } bom && CsvEncodings.IsUtf16(bom) ? scanned : CsvEncodings.Get(encoding).GetString(System.Text.Encoding.Latin1.GetBytes(scanned));

    /// <summary>The delimiter found most often outside quotes in the header; a comma when none is.</summary>
    public char Delimiter()
    {
        var counts = Delimiters.ToDictionary(d => d, _ => 0);
        var quoted = false;
        foreach (var c in header.ToString())
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && counts.ContainsKey(c))
            {
                counts[c]++;
            }
        }

        var best = counts.MaxBy(kv => kv.Value);
        return best.Value > 0 ? best.Key : ',';
    }

    private void CheckUtf8(ReadOnlySpan<byte> data, bool flush)
    {
        if (!ValidUtf8 || (ByteOrderMark is { } bom && CsvEncodings.IsUtf16(bom)))
        {
            return;
        }

        try
        {
            strictUtf8.GetChars(data, chars, flush);
        }
        catch (DecoderFallbackException)
        {
            ValidUtf8 = false;
        }
    }

    private void Count(char c)
    {
        if (Records == 0 && header.Length < MaxHeaderChars)
        {
            header.Append(c);
        }
        else if (Records > 0 && sample.Length < MaxSampleChars)
        {
            sample.Append(c);
        }

        switch (c)
        {
            case '"':
                inQuotes = !inQuotes;
                lineHasContent = true;
                break;
            case '\n' when !inQuotes:
                Records += lineHasContent ? 1 : 0;
                lineHasContent = false;
                if (Records > 1 && sample.Length < MaxSampleChars)
                {
                    sampleRecordsEnd = sample.Length;
                }

                break;
            case '\r':
                break;
            default:
                lineHasContent = true;
                break;
        }
    }
}
