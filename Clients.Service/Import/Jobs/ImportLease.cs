using Npgsql;

namespace AgentCalls.Clients.Service.Import.Jobs;

/// <summary>
/// One worker's claim on a running import. A lease that runs out may be taken over by another worker while the first
/// still runs (it was slow, not dead); each claim gets a new <see cref="Token"/>, and every write a worker makes to
/// the job goes through <see cref="WriteAsync"/>, which throws <see cref="ImportLeaseLostException"/> when it no longer
/// holds. Written in the batch's transaction, that makes the batch roll back with it.
/// </summary>
public sealed record ImportLease(Guid ImportId, Guid Token)
{
    /// <summary>
    /// Runs <paramref name="sql"/>, an update of the job's row whose condition includes
    /// <c>id = @lease_import AND lease_token = @lease_token</c> (this passes those two), and throws when it updated
    /// nothing: the lease no longer holds.
    /// </summary>
    public async Task WriteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (await ImportDatabase.ExecuteAsync(connection, sql, cancellationToken, [.. parameters, ("lease_import", ImportId), ("lease_token", Token)]) == 0)
        {
            throw new ImportLeaseLostException(ImportId);
        }
    }

    /// <summary>Whether the agent asked to cancel the import, read while the lease holds.</summary>
    public async Task<bool> CancelRequestedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = ImportDatabase.Command(connection,
            "SELECT cancel_requested FROM imports WHERE id = @lease_import AND lease_token = @lease_token", ("lease_import", ImportId), ("lease_token", Token));
        return await command.ExecuteScalarAsync(cancellationToken) is bool requested ? requested : throw new ImportLeaseLostException(ImportId);
    }
}

/// <summary>Another worker has taken the import over: this one stops, and what it had not committed is rolled back.</summary>
public sealed class ImportLeaseLostException(Guid importId)
    : Exception($"Import {importId} has been taken over by another worker.");
