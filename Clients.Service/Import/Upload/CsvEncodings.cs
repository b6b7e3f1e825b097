using System.Text;

namespace AgentCalls.Clients.Service.Import.Upload;

/// <summary>
/// The text encodings an import reads, by the names the contract uses. Spreadsheet programs write UTF-8 (often with a
/// byte order mark), UTF-16 with one, or, saving "CSV" on Windows, Windows-1252, which .NET reads through its
/// code-page provider.
/// </summary>
public static class CsvEncodings
{
    public const string Utf8 = "utf-8";
    public const string Utf16LittleEndian = "utf-16le";
    public const string Utf16BigEndian = "utf-16be";
    public const string Windows1252 = "windows-1252";

    /// <summary>The encodings a file without a UTF-16 byte order mark can be read with, the likelier first.</summary>
    public static readonly IReadOnlyList<string> AsciiCompatible = [Utf8, Windows1252];

    public static Encoding Get(string name) => name switch
    {
        Utf16LittleEndian => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        Utf16BigEndian => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
        Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!,
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    /// <summary>The encoding a byte order mark at the start of <paramref name="start"/> names; null when there is none.</summary>
    public static string? FromByteOrderMark(ReadOnlySpan<byte> start) => start switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Utf8,
        [0xFF, 0xFE, ..] => Utf16LittleEndian,
        [0xFE, 0xFF, ..] => Utf16BigEndian,
        _ => null,
    };

    public static bool IsUtf16(string name) => name is Utf16LittleEndian or Utf16BigEndian;
}
