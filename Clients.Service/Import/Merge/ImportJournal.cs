using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.History;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.Eventing;
using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;
using Proto = AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// What a batch wrote, as the API records it: a <c>client_history</c> entry for every client and policy created or
/// updated, with the fields that changed (the API's own <see cref="FieldSnapshot"/> and <see cref="HistoryLog"/>, so
/// import history reads like the API's), and the <c>ClientUpdated</c> or <c>PolicyChanged</c> event the API would
/// queue. Built in memory from the rows the merge statements returned and written by binary COPY: two statements
/// for a batch of thousands, where building the JSON in SQL cost half of the import's time.
/// </summary>
public sealed class ImportJournal(MergeContext context)
{
    private readonly List<HistoryEntry> history = [];
    private readonly List<IMessage> clientEvents = [];
    private readonly List<IMessage> policyEvents = [];
    private readonly string source = context.ImportId.ToString();

    /// <summary>A client the batch created (<paramref name="before"/> null) or updated.</summary>
    public void Client(Client? before, Client after)
    {
        var action = before is null ? HistoryAction.Created : HistoryAction.Updated;
        if (Add(new HistoryEntryDraft(context.AgentId, after.Id, action, HistoryActor.Import, context.Now, SourceId: source),
            before is null ? FieldSnapshot.None : FieldSnapshot.Of(before), FieldSnapshot.Of(after)) is { } changes)
        {
            clientEvents.Add(ClientMapping.ToEvent(after, Kind(action), changes, context.Now));
        }
    }

    /// <summary>A policy the batch created (<paramref name="before"/> null) or updated.</summary>
    public void Policy(Policy? before, Policy after)
    {
        var action = before is null ? HistoryAction.Created : HistoryAction.Updated;
        if (Add(new HistoryEntryDraft(context.AgentId, after.ClientId, action, HistoryActor.Import, context.Now, after.Id, after.PolicyNumber, source),
            before is null ? FieldSnapshot.None : FieldSnapshot.Of(before), FieldSnapshot.Of(after)) is { } changes)
        {
            policyEvents.Add(PolicyMapping.ToEvent(after, Kind(action), changes, context.Now));
        }
    }

    /// <summary>Writes the history entries, in the caller's transaction.</summary>
    public async Task WriteHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY client_history (id, agent_id, client_id, policy_id, policy_number, subject, action, actor, source_id, changes, changed_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var entry in history)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(entry.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(entry.AgentId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(entry.ClientId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync((object?)entry.PolicyId ?? DBNull.Value, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync((object?)entry.PolicyNumber ?? DBNull.Value, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(entry.Subject.ToString(), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(entry.Action.ToString(), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(entry.Actor.ToString(), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(entry.SourceId!, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(entry.Changes, NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(entry.ChangedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Queues the events in the outbox, in the caller's transaction: clients first, so a consumer hears of a new client before its policies.</summary>
    public Task QueueEventsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        OutboxCopy.WriteAsync(connection, [.. clientEvents.Concat(policyEvents).Select(e => OutboxMessage.For(e, context.Now))], cancellationToken);

    /// <summary>
    /// Adds the history entry; answers the changed fields an update's event names (a create's names none, as the API's),
    /// or null for an update whose fields read the same as before (a value stored differently that shows the same): the
    /// API records no entry for such an update (<see cref="HistoryLog.Record"/>), and an event naming no changed field
    /// would tell consumers nothing.
    /// </summary>
    private IEnumerable<string>? Add(HistoryEntryDraft draft, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var (entry, changes) = HistoryLog.Entry(draft, before, after);
        if (draft.Action == HistoryAction.Updated && changes.Count == 0)
        {
            return null;
        }

        history.Add(entry);
        return draft.Action == HistoryAction.Created ? [] : changes.Select(c => c.Field);
    }

    private static Proto.ChangeKind Kind(HistoryAction action) => action == HistoryAction.Created ? Proto.ChangeKind.Created : Proto.ChangeKind.Updated;
}
