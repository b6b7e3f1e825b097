using System.Buffers;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace AgentCalls.Clients.Service.Import;

/// <summary>
/// Stores an uploaded CSV file as it arrives, in 1 MiB chunks, in one transaction with its import row: a broken
/// upload leaves nothing, and memory stays flat whatever the file's size. While storing, it finds the encoding, counts
/// the records and keeps the header and the first rows, so the import answers with its columns, suggested mapping, row
/// count and what each encoding makes of the file at once.
/// </summary>
public sealed class CsvUpload(ImportDatabase database, IOptions<ImportOptions> options, TimeProvider time)
{
    public const int ChunkBytes = 1024 * 1024;
    public const int MaxFileNameLength = 255;

    public async Task<Guid> StoreAsync(Guid agentId, string? fileName, Stream body, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(fileName) ? "import.csv" : Path.GetFileName(fileName.Trim());
        if (name.Length > MaxFileNameLength)
        {
            throw FieldViolations.Single("fileName", $"is longer than {MaxFileNameLength} characters.");
        }

        var id = Guid.CreateVersion7();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ImportDatabase.ExecuteAsync(connection, """
            INSERT INTO imports (id, agent_id, file_name, file_bytes, status, dry_run, duplicate_mode, mapping, delimiter, total_rows, rows_done,
              clients_created, clients_updated, clients_unchanged, policies_created, policies_updated, rows_failed, cancel_requested, created_at)
            VALUES (@id, @agent, @name, 0, 'Uploaded', false, 'Update', '[]', ',', 0, 0, 0, 0, 0, 0, 0, 0, false, @now)
            """, cancellationToken, ("id", id), ("agent", agentId), ("name", name), ("now", time.GetUtcNow()));

        var shape = await StoreChunksAsync(connection, id, body, cancellationToken);
        var delimiter = shape.Delimiter();
        var encodings = CsvEncodingOption.For(shape, delimiter);
        var headers = encodings[0].Header;
        if (headers.Length == 0 || headers.All(h => h.Length == 0))
        {
            throw FieldViolations.Single("file", "is empty: the first line must name the columns.");
        }

        if (headers.Length > options.Value.MaxColumns)
        {
            throw FieldViolations.Single("file", $"names {headers.Length} columns in its first line; an import takes at most {options.Value.MaxColumns}.");
        }

        await ImportDatabase.ExecuteAsync(connection, """
            UPDATE imports SET file_bytes = @bytes, mapping = @mapping::jsonb, delimiter = @delimiter, total_rows = @rows, encoding = @encoding,
              encoding_options = @encodings::jsonb
            WHERE id = @id
            """,
            cancellationToken,
            ("bytes", shape.Bytes), ("mapping", ImportMapping.Serialize(ImportMapping.Suggest(headers))), ("delimiter", delimiter),
            ("rows", shape.Records - 1), ("encoding", shape.Encoding), ("encodings", CsvEncodingOption.Serialize(encodings)), ("id", id));
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private async Task<CsvShape> StoreChunksAsync(Npgsql.NpgsqlConnection connection, Guid id, Stream body, CancellationToken cancellationToken)
    {
        var shape = new CsvShape();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            await using var insert = ImportDatabase.Command(connection, "INSERT INTO import_file_chunks (import_id, sequence, data) VALUES (@id, @sequence, @data)");
            insert.Parameters.AddWithValue("id", id);
            var sequence = insert.Parameters.Add("sequence", NpgsqlDbType.Integer);
            var data = insert.Parameters.Add("data", NpgsqlDbType.Bytea);
            for (var index = 0; ; index++)
            {
                var filled = await body.ReadAtLeastAsync(buffer.AsMemory(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false, cancellationToken);
                if (filled == 0)
                {
                    break;
                }

                shape.Feed(buffer.AsSpan(0, filled));
                if (shape.Bytes > options.Value.MaxFileBytes)
                {
                    throw FieldViolations.Single("file", $"is larger than {options.Value.MaxFileBytes:N0} bytes.");
                }

                sequence.Value = index;
                data.Value = new ArraySegment<byte>(buffer, 0, filled);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        shape.Finish();
        return shape;
    }
}
