using System.Text;
using CsCheck;

namespace AgentCalls.TestSupport.BadInput;

/// <summary>
/// Generated client-import files as real exports and hostile ones come: headers named as agency systems name them,
/// ragged rows, unterminated and stray quotes, formula cells, mixed date and money formats, saved as UTF-8 (with or
/// without a byte order mark), Windows-1252 or UTF-16; and now and then no CSV at all (empty, random bytes, 100,000 columns).
/// </summary>
public static class BadCsv
{
    private static readonly string[] Headers =
    [
        "Name", "Insured Name", "Email", "E-mail Address", "Cell", "Home Phone", "Policy Number", "Pol #", "Carrier", "Company",
        "LOB", "Status", "Premium", "Prem", "Eff. Dt", "Expiration Date", "External ID", "Cust #", "Notes", "", "=HYPERLINK(\"http://x\",\"y\")",
    ];

    private static readonly string[] Cells =
    [
        "", "Ann Lee", "\"Smith, John\"", "Zoë Ñúñez", "李小龍", "😀", "ann@example.com", "not-an-email@", "(312) 555-0142 x204", "+1 555 0100",
        "=HYPERLINK(\"http://x\",\"click\")", "=1+2", "+SUM(A1:A9)", "-2+3", "@cmd", "01/15/2026", "2026-01-15", "1-Feb-2026", "31/12/2026",
        "2026-13-45", "\"$1,284.00\"", "-5", "99999999999999999999", "auto", "Personal Auto", "Lapsed", "In Force", "\"unterminated",
        "a\"b", "\"line one\nline two\"", "\u0000", "\t", "\ufeffbom",
    ];

    private static readonly Gen<string> Cell = Gen.Frequency(
        (20, Gen.Int[0, Cells.Length - 1].Select(i => Cells[i])),
        (3, Gen.String[0, 12].Select(s => s.Replace("\"", "\"\"", StringComparison.Ordinal))),
        (1, Gen.Const(new string('x', 70_000))));

    private static readonly Gen<string> Text =
        Gen.Select(
            Gen.Int[0, Headers.Length - 1].Array[1, 8].Select(picked => string.Join(",", picked.Select(i => Headers[i]))),
            Cell.Array[0, 12].Array[0, 20],
            Gen.Int[0, 2].Select(i => new[] { "\n", "\r\n", "\r" }[i]),
            (header, rows, newline) => header + newline + string.Join(newline, rows.Select(cells => string.Join(",", cells))));

    /// <summary>A file's bytes; <c>Description</c> says what it is, for the failure report.</summary>
    public static readonly Gen<(string Description, byte[] Bytes)> Files = Gen.Frequency(
        (20, Gen.Select(Text, Gen.Int[0, 5], (text, encoding) => encoding switch
        {
            0 => ("utf-8: " + text, Encoding.UTF8.GetBytes(text)),
            1 => ("utf-8 with BOM: " + text, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]),
            2 => ("windows-1252: " + text, CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text)),
            3 => ("utf-16le with BOM: " + text, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]),
            4 => ("utf-16be with BOM: " + text, [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]),
            _ => ("utf-16le without BOM: " + text, Encoding.Unicode.GetBytes(text)),
        })),
        (1, Gen.Const(("empty", Array.Empty<byte>()))),
        (1, Gen.Const(("a byte order mark alone", Encoding.UTF8.GetPreamble()))),
        (1, Gen.Byte.Array[1, 2_000].Select(bytes => ("random bytes", bytes))),
        (1, Gen.Const(("100,000 columns", Encoding.UTF8.GetBytes(string.Join(",", Enumerable.Range(1, 100_000).Select(i => $"C{i}")) + "\nAnn Lee\n")))));
}
