using System.Text.Json;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Clients.Service.Import.Mapping;

/// <summary>One CSV column: its position, its header as in the file, and the field it feeds.</summary>
public sealed record ImportColumn(int Index, string Header, ImportField Field);

/// <summary>Which field each column feeds: suggested from the headers, overridden by the agent, stored as JSON on the job.</summary>
public static class ImportMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Each header's field; a field claimed by an earlier column is not suggested again.</summary>
    public static List<ImportColumn> Suggest(IReadOnlyList<string> headers)
    {
        var taken = new HashSet<ImportField>();
        return [.. headers.Select((header, index) =>
        {
            var field = ImportColumns.Recognize(header);
            return new ImportColumn(index, header, field != ImportField.Unspecified && taken.Add(field) ? field : ImportField.Unspecified);
        })];
    }

    /// <summary>The columns with the agent's overrides applied; names what is wrong with them.</summary>
    public static List<ImportColumn> Override(List<ImportColumn> columns, IEnumerable<ColumnMapping> overrides, FieldViolations violations)
    {
        var result = columns.ToList();
        foreach (var (mapping, i) in overrides.Select((m, i) => (m, i)))
        {
            if (mapping.ColumnIndex < 0 || mapping.ColumnIndex >= result.Count)
            {
                violations.Add($"mapping[{i}].columnIndex", $"is not a column of the file (0 to {result.Count - 1}).");
            }
            else if (!Enum.IsDefined(mapping.Field))
            {
                violations.Add($"mapping[{i}].field", "is not an import field.");
            }
            else
            {
                result[mapping.ColumnIndex] = result[mapping.ColumnIndex] with { Field = mapping.Field };
            }
        }

        foreach (var duplicate in result.Where(c => c.Field != ImportField.Unspecified).GroupBy(c => c.Field).Where(g => g.Count() > 1))
        {
            violations.Add("mapping", $"feeds {duplicate.Key} from more than one column ({string.Join(", ", duplicate.Select(c => c.Index))}).");
        }

        if (!result.Any(c => c.Field is ImportField.Name or ImportField.FirstName or ImportField.LastName))
        {
            violations.Add("mapping", "has no column for the client's name (Name, or First Name and Last Name).");
        }

        return result;
    }

    public static string Serialize(List<ImportColumn> columns) => JsonSerializer.Serialize(columns, Json);

    public static List<ImportColumn> Deserialize(string json) => JsonSerializer.Deserialize<List<ImportColumn>>(json, Json) ?? [];
}
