using Npgsql;

namespace AgentCalls.Clients.Service.Import;

/// <summary>
/// One worker's claim on a running import. A lease that runs out may be taken over by another worker while the first
/// still runs (it was slow, not dead); each claim gets a new <see cref="Token"/>, and every write a worker makes to
/// the job goes through <see cref="WriteAsync"/>, which matches the token and throws <see cref="ImportLeaseLostException"/>
/// when it no longer holds. Written in the batch's transaction, that makes the batch roll back with it.
/// </summary>
public sealed record ImportLease(Guid ImportId, Guid Token)
{
    /// <summary>Where a statement given to <see cref="WriteAsync"/> names the job: <c>UPDATE imports SET … WHERE {lease}</c>.</summary>
    public const string Job = "{lease}";

    /// <summary>Runs <paramref name="sql"/>, an update of the job's row, only while the lease holds.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var fenced = sql.Replace(Job, "(id = @lease_import AND lease_token = @lease_token)", StringComparison.Ordinal);
        if (await ImportDatabase.ExecuteAsync(connection, fenced, cancellationToken, [.. parameters, ("lease_import", ImportId), ("lease_token", Token)]) == 0)
        {
            throw new ImportLeaseLostException(ImportId);
        }
    }

    /// <summary>Reads one value of the job while the lease holds.</summary>
    public async Task<T> ReadAsync<T>(NpgsqlConnection connection, string column, CancellationToken cancellationToken)
    {
        await using var command = ImportDatabase.Command(connection, $"SELECT {column} FROM imports WHERE id = @id AND lease_token = @token", ("id", ImportId), ("token", Token));
        return await command.ExecuteScalarAsync(cancellationToken) is T value ? value : throw new ImportLeaseLostException(ImportId);
    }
}

/// <summary>Another worker has taken the import over: this one stops, and what it had not committed is rolled back.</summary>
public sealed class ImportLeaseLostException(Guid importId)
    : Exception($"Import {importId} has been taken over by another worker.");
