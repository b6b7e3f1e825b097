using System.Globalization;
using CsvHelper;

namespace AgentCalls.Clients.Service.Import;

/// <summary>
/// How AgentCalls reads and writes CSV (CsvHelper): RFC 4180 quoting, any of the common delimiters, empty lines
/// skipped, line numbers tracked for the error report. The export escapes text that a spreadsheet would run as a
/// formula with a leading apostrophe, and the import takes that apostrophe off again, so a round trip is exact.
/// </summary>
public static class CsvFiles
{
    private const string FormulaStarts = "=@+-\t\r";

    public static CsvReaderOptions ReaderOptions(char delimiter) => CsvReaderOptions.Default with
    {
        Separator = delimiter,
        HasHeader = true,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
        // Exception messages reach logs and traces; clients' data must not.
        IncludeValuesInExceptions = false,
    };

    public static CsvWriterOptions WriterOptions => CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>The fields of the header record.</summary>
    public static string[] ReadHeader(string headerText, char delimiter)
    {
        using var reader = CsvReader.Create(new StringReader(headerText), ReaderOptions(delimiter));
        reader.ReadHeader();
        return [.. reader.Headers.Select(h => Storable(h.Trim()))];
    }

    /// <summary>The records of a piece of a file that holds no header.</summary>
    public static List<string[]> ReadRecords(string text, char delimiter)
    {
        using var reader = CsvReader.Create(new StringReader(text), ReaderOptions(delimiter) with { HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Storable(reader.GetString(i) ?? ""))]);
        }

        return records;
    }

    /// <summary>
    /// A cell as Postgres can store it: text and jsonb hold no NUL, so one is shown as the replacement character, like
    /// any byte the file's encoding cannot read.
    /// </summary>
    public static string Storable(string cell) => cell.Replace('\0', '\uFFFD');

    /// <summary>A cell's value with the export's formula escape taken off.</summary>
    public static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;
}
