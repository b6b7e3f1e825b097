using Npgsql;
using NpgsqlTypes;

namespace AgentCalls.Eventing;

/// <summary>
/// Queues events in the outbox on a plain Npgsql connection, inside the caller's transaction, for writers that work
/// set-based outside EF (a CSV import's batch): one binary COPY however many events. The relay publishes them once
/// the transaction commits, as it does those <see cref="OutboxExtensions.AddEvent"/> queued.
/// </summary>
public static class OutboxCopy
{
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {EventingTables.Outbox} (id, event_type, payload, occurred_at, trace_parent) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var message in messages)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(message.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(message.EventType, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(message.Payload, NpgsqlDbType.Bytea, cancellationToken);
            await writer.WriteAsync(message.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync((object?)message.TraceParent ?? DBNull.Value, NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
