using Npgsql;

namespace AgentCalls.Clients.Service.Import.Jobs;

/// <summary>An uploaded file read back from its chunks, one chunk in memory at a time, on a connection of its own.</summary>
public sealed class ImportFileStream(NpgsqlConnection connection, Guid importId) : Stream
{
    private byte[] chunk = [];
    private int position;
    private int sequence;
    private bool ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (position == chunk.Length)
        {
            if (ended)
            {
                return 0;
            }

            await using var command = ImportDatabase.Command(connection,
                "SELECT data FROM import_file_chunks WHERE import_id = @id AND sequence = @sequence", ("id", importId), ("sequence", sequence++));
            chunk = await command.ExecuteScalarAsync(cancellationToken) as byte[] ?? [];
            ended = chunk.Length == 0;
            position = 0;
        }

        var count = Math.Min(buffer.Length, chunk.Length - position);
        chunk.AsMemory(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
