using System.Text;

namespace AgentCalls.Clients.Service.Import;

/// <summary>
/// What the upload learns about a file while storing it, without parsing it: how many records it has (line breaks
/// outside quotes, blank lines not counted) and the header record's bytes, from which the delimiter is guessed.
/// </summary>
public sealed class CsvShape
{
    private const int MaxHeaderBytes = 1024 * 1024;
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    private readonly MemoryStream header = new();
    private bool inQuotes;
    private bool lineHasContent;

    /// <summary>Records seen, the header included.</summary>
    public int Records { get; private set; }

    public long Bytes { get; private set; }

    public void Feed(ReadOnlySpan<byte> data)
    {
        Bytes += data.Length;
        foreach (var b in data)
        {
            if (Records == 0 && header.Length < MaxHeaderBytes)
            {
                header.WriteByte(b);
            }

            switch (b)
            {
                case (byte)'"':
                    inQuotes = !inQuotes;
                    lineHasContent = true;
                    break;
                case (byte)'\n' when !inQuotes:
                    Records += lineHasContent ? 1 : 0;
                    lineHasContent = false;
                    break;
                case (byte)'\r':
                    break;
                default:
                    lineHasContent = true;
                    break;
            }
        }
    }

    /// <summary>Counts a last record without a final line break.</summary>
    public void Finish()
    {
        Records += lineHasContent ? 1 : 0;
        lineHasContent = false;
    }

    /// <summary>The header record as text (without a byte order mark).</summary>
    public string HeaderText() => new UTF8Encoding(false).GetString(header.GetBuffer(), 0, (int)header.Length).TrimStart('\uFEFF');

    /// <summary>The delimiter found most often outside quotes in the header; a comma when none is.</summary>
    public char Delimiter()
    {
        var text = HeaderText();
        var counts = Delimiters.ToDictionary(d => d, _ => 0);
        var quoted = false;
        foreach (var c in text)
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
}
