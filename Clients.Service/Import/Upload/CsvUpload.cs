using System.Buffers;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;
using NpgsqlTypes;
using AgentCalls.Clients.Service.Import.Jobs;
using AgentCalls.Clients.Service.Import.Mapping;

namespace AgentCalls.Clients.Service.Import.Upload;

/// <summary>
/// Stores an uploaded CSV file. The body is first received into a temporary file, at whatever pace the client sends
/// it, holding no database connection; then it is stored in 1 MiB chunks, in one short transaction with its import
/// row: a broken upload leaves nothing, and memory stays flat whatever the file's size. While storing, it finds the
/// encoding, counts the records and keeps the header and the first rows, so the import answers with its columns,
/// suggested mapping, row count and what each encoding makes of the file at once.
/// </summary>
public sealed class CsvUpload(ImportDatabase database, ImportQuotas quotas, IOptions<ImportOptions> options, TimeProvider time)
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

        await using var received = await ReceiveAsync(body, cancellationToken);
        await quotas.ThrowIfStorageFullAsync(agentId, received.Length, cancellationToken);

        var id = Guid.CreateVersion7();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ImportDatabase.ExecuteAsync(connection, """
            INSERT INTO imports (id, agent_id, file_name, file_bytes, status, dry_run, duplicate_mode, mapping, delimiter, total_rows, rows_done,
              clients_created, clients_updated, clients_unchanged, policies_created, policies_updated, rows_failed, cancel_requested, created_at)
            VALUES (@id, @agent, @name, 0, 'Uploaded', false, 'Update', '[]', ',', 0, 0, 0, 0, 0, 0, 0, 0, false, @now)
            """, cancellationToken, ("id", id), ("agent", agentId), ("name", name), ("now", time.GetUtcNow()));

        var shape = await StoreChunksAsync(connection, id, received, cancellationToken);
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

    /// <summary>The whole body in a temporary file (removed when disposed), or <see cref="FileTooLargeException"/> past the limit.</summary>
    private async Task<FileStream> ReceiveAsync(Stream body, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, ChunkBytes, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
                {
                    if (file.Length + read > limit)
                    {
                        throw new FileTooLargeException(limit);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
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

/// <summary>An upload past <see cref="ImportOptions.MaxFileBytes"/>: 413, naming <c>file</c>.</summary>
public sealed class FileTooLargeException(long limit) : Exception($"is larger than {limit:N0} bytes, the most an import takes.");
