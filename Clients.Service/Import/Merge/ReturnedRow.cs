using Npgsql;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// A row a merge statement returned, read by column name. An update returns the values it replaced beside those it
/// wrote, as <c>old_…</c>: <see cref="Old"/> reads those.
/// </summary>
public readonly struct ReturnedRow
{
    private readonly NpgsqlDataReader reader;
    private readonly string prefix;

    public ReturnedRow(NpgsqlDataReader reader, string prefix = "") => (this.reader, this.prefix) = (reader, prefix);

    /// <summary>The values an update replaced.</summary>
    public ReturnedRow Old => new(reader, "old_");

    /// <summary>A key column (<c>id</c>, <c>client_id</c>): the same before and after, so never prefixed.</summary>
    public Guid Key(string column) => reader.GetGuid(reader.GetOrdinal(column));

    public string? Text(string column)
    {
        var ordinal = reader.GetOrdinal(prefix + column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public T? Value<T>(string column) where T : struct
    {
        var ordinal = reader.GetOrdinal(prefix + column);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
    }

    public string[] Array(string column) => reader.GetFieldValue<string[]>(reader.GetOrdinal(prefix + column));
}
