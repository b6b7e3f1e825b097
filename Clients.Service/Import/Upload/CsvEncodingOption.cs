using System.Text.Json;

namespace AgentCalls.Clients.Service.Import.Upload;

/// <summary>One encoding the agent can pick for a file, with the header and a few rows of the file read in it.</summary>
public sealed record CsvEncodingOption(string Encoding, string[] Header, string[][] Rows)
{
    private const int SampleRows = 5;
    private const int MaxCellLength = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The file's candidate encodings, the one found first. The rows shown are the first with a letter outside ASCII,
    /// where encodings differ and a wrong one shows (an accent read as "Ã©" or "�"); then the first rows.
    /// </summary>
    public static List<CsvEncodingOption> For(CsvShape shape, char delimiter)
    {
        var candidates = shape.Candidates.OrderBy(e => e == shape.Encoding ? 0 : 1).ToList();
        var found = CsvFiles.ReadRecords(shape.SampleText(shape.Encoding), delimiter);
        var shown = found.Select((cells, i) => (Index: i, Accented: cells.Any(cell => cell.Any(c => c > '\u007F'))))
            .OrderBy(r => r.Accented ? 0 : 1).ThenBy(r => r.Index).Take(SampleRows).Select(r => r.Index).Order().ToList();
        return [.. candidates.Select(encoding =>
        {
            var rows = encoding == shape.Encoding ? found : CsvFiles.ReadRecords(shape.SampleText(encoding), delimiter);
            return new CsvEncodingOption(
                encoding,
                CsvFiles.ReadHeader(shape.HeaderText(encoding), delimiter),
                [.. shown.Where(i => i < rows.Count).Select(i => rows[i].Select(Shorten).ToArray())]);
        })];
    }

    public static string Serialize(List<CsvEncodingOption> options) => JsonSerializer.Serialize(options, Json);

    public static List<CsvEncodingOption> Deserialize(string json) => JsonSerializer.Deserialize<List<CsvEncodingOption>>(json, Json) ?? [];

    private static string Shorten(string cell) => cell.Length > MaxCellLength ? cell[..MaxCellLength] + "…" : cell;
}
