using Npgsql;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// The two statements that write one kind of staged row into the book, an INSERT of those to create and an UPDATE of
/// those matched in update mode, each returning what it wrote (an update also what it replaced, as <c>old_…</c>),
/// and how such a returned row reads.
/// </summary>
public sealed record ImportWrite<T>(string InsertSql, string UpdateSql, Func<ReturnedRow, Guid, T> Read) where T : class
{
    /// <summary>Runs both, handing each row written to <paramref name="note"/> (with null before for a create); answers how many were updated.</summary>
    public async Task<int> RunAsync(NpgsqlConnection connection, MergeContext context, Action<T?, T> note, CancellationToken cancellationToken)
    {
        await ReadEachAsync(connection, InsertSql, context, row => note(null, Read(row, context.AgentId)), cancellationToken);
        return await ReadEachAsync(connection, UpdateSql, context, row => note(Read(row.Old, context.AgentId), Read(row, context.AgentId)), cancellationToken);
    }

    private static async Task<int> ReadEachAsync(NpgsqlConnection connection, string sql, MergeContext context, Action<ReturnedRow> read, CancellationToken cancellationToken)
    {
        await using var command = context.Bind(ImportDatabase.Command(connection, sql));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            read(new ReturnedRow(reader));
            rows++;
        }

        return rows;
    }
}
