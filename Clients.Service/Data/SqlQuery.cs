using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentCalls.Clients.Service.Data;

/// <summary>
/// A SQL statement put together from fixed text and parameters (never from input spliced into the text), read into
/// records by column name. For the query LINQ cannot say well: the client search's matching and ranking.
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

    /// <summary>Reads the rows into <typeparamref name="T"/>, by column name (EF Core maps them as for <c>SqlQuery</c>).</summary>
    public Task<List<T>> ReadAsync<T>(ClientsDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<T>(text.ToString(), parameters.ToArray<object>()).ToListAsync(cancellationToken);
}
