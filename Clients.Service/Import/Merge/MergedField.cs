namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// One column the merge writes: its API name (for history), the value an update gives it from the existing row
/// (<c>t</c>) and the staged one (<c>s</c>), the value an insert gives it, and how history shows it as text
/// (<c>{0}</c> stands for the value) so that import history reads like the API's.
/// </summary>
public sealed record MergedField(string Name, string Column, string Update, string Insert, string Text = "{0}::text")
{
    /// <summary>A field whose staged value, when given, replaces the existing one.</summary>
    public static MergedField Given(string name, string column, string text = "{0}::text") =>
        new(name, column, $"coalesce(s.{column}, t.{column})", $"s.{column}", text);

    /// <summary>The history entry's changes: a JSON array of the fields whose text differs between two sets of values.</summary>
    /// <remarks>A null <paramref name="before"/> means there was no row before (an insert).</remarks>
    public static string ChangesJson(IReadOnlyList<MergedField> fields, Func<int, string>? before, Func<int, string> after)
    {
        var entries = fields.Select((f, i) =>
        {
            var (from, to) = (before is null ? "NULL::text" : string.Format(f.Text, before(i)), string.Format(f.Text, after(i)));
            return $"CASE WHEN ({from}) IS DISTINCT FROM ({to}) THEN jsonb_build_object('field', '{f.Name}', 'from', {from}, 'to', {to}) END";
        });
        return $"(SELECT coalesce(jsonb_agg(x), '[]'::jsonb) FROM unnest(ARRAY[{string.Join(",\n  ", entries)}]) AS x WHERE x IS NOT NULL)";
    }
}
