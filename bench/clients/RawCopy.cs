using System.Diagnostics;
using Npgsql;
using AgentCalls.Clients.Service.Import.Mapping;

namespace AgentCalls.Bench.Clients;

/// <summary>
/// The baseline: the same CSV file into a plain table (one text column per CSV column, no index, no constraint) with
/// Postgres' own <c>COPY … FROM STDIN (FORMAT csv)</c>, on the same server. No parsing, checking or merging: as fast as
/// rows get from a file into Postgres.
/// </summary>
public static class RawCopy
{
    public static async Task<TimeSpan> RunAsync(NpgsqlDataSource database, string path, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var columns = string.Join(", ", ImportColumns.Canonical.Select((_, i) => $"c{i} text"));
        await using (var create = new NpgsqlCommand($"DROP TABLE IF EXISTS raw_book; CREATE TABLE raw_book ({columns})", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        using (var copy = await connection.BeginTextImportAsync("COPY raw_book FROM STDIN (FORMAT csv, HEADER true)", cancellationToken))
        {
            using var file = new StreamReader(path);
            var buffer = new char[1 << 20];
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return clock.Elapsed;
    }
}
