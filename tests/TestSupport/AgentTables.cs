using Npgsql;

namespace AgentCalls.TestSupport;

/// <summary>
/// The rows that name one agent in one service's database, table by table: every table with an <c>agent_id</c> column,
/// OpenIddict's tables by <c>subject</c>, and the agents table by <c>id</c>. Found from the catalog, so a table added
/// later counts too.
/// </summary>
public static class AgentTables
{
    public static async Task<long> CountAsync(string connectionString, Guid agentId, CancellationToken cancellationToken) =>
        (await PerTableAsync(connectionString, agentId, "count(*)", reader => reader.GetInt64(0), cancellationToken)).Values.Sum();

    /// <summary>
    /// Per table, its rows' count and a checksum of their contents: equal before and after means none of them was
    /// added, changed or removed.
    /// </summary>
    public static Task<Dictionary<string, string>> ChecksumsAsync(string connectionString, Guid agentId, CancellationToken cancellationToken) =>
        PerTableAsync(connectionString, agentId, "count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')",
            reader => reader.GetString(0), cancellationToken);

    private static async Task<Dictionary<string, T>> PerTableAsync<T>(
        string connectionString, Guid agentId, string aggregate, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var catalog = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' " +
            "AND (column_name = 'agent_id' OR column_name = 'subject' OR (table_name = 'agents' AND column_name = 'id'))", connection))
        await using (var reader = await catalog.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var results = new Dictionary<string, T>();
        foreach (var (table, column, type) in columns)
        {
            var value = type == "uuid" ? (object)agentId : agentId.ToString();
            await using var query = new NpgsqlCommand($"SELECT {aggregate} FROM \"{table}\" t WHERE \"{column}\" = @agent", connection) { Parameters = { new("agent", value) } };
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            results[$"{connection.Database}.{table}.{column}"] = read(reader);
        }

        return results;
    }
}
