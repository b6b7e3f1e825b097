using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AgentCalls.Clients.Service.Data;

/// <summary>
/// A SQL statement put together from fixed text and parameters (never from input spliced into the text), read
/// row by row on the context's connection. For the queries LINQ cannot say well: search ranking, the call queue.
/// </summary>
public sealed class SqlQuery
{
    private readonly StringBuilder text = new();
    private readonly List<NpgsqlParameter> parameters = [];

    public SqlQuery Append(string sql)
    {
        text.Append(sql);
        return this;
    }

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Param(object? value)
    {
        var name = $"p{parameters.Count}";
        parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        return "@" + name;
    }

    public override string ToString() => text.ToString();

    public async Task<List<T>> ReadAsync<T>(ClientsDbContext db, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(db);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs the statement (or statements) for their effect; answers the rows they affected.</summary>
    public async Task<int> ExecuteAsync(ClientsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(db);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private NpgsqlCommand Command(ClientsDbContext db)
    {
        var command = new NpgsqlCommand(text.ToString(), (NpgsqlConnection)db.Database.GetDbConnection());
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }
}
