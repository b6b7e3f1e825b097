using System.Text.Json;
using System.Text.Json.Serialization;
using AgentCalls.Clients.Service.Data;

namespace AgentCalls.Clients.Service.History;

/// <summary>Adds history entries to the context, saved with the change they describe.</summary>
public static class HistoryLog
{
    /// <summary>Records a change unless it changed nothing; returns the changed fields.</summary>
    public static List<FieldChange> Record(this ClientsDbContext db, HistoryEntryDraft draft, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var (entry, changes) = Entry(draft, before, after);
        if (changes.Count > 0 || draft.Action != HistoryAction.Updated)
        {
            db.History.Add(entry);
        }

        return changes;
    }

    /// <summary>The history entry of a change, whose fields come from the snapshots, and those fields.</summary>
    public static (HistoryEntry Entry, List<FieldChange> Changes) Entry(HistoryEntryDraft draft, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = FieldSnapshot.Diff(before, after);
        var entry = new HistoryEntry
        {
            AgentId = draft.AgentId,
            ClientId = draft.ClientId,
            PolicyId = draft.PolicyId,
            PolicyNumber = draft.PolicyNumber,
            Subject = draft.PolicyId is null ? HistorySubject.Client : HistorySubject.Policy,
            Action = draft.Action,
            Actor = draft.Actor,
            SourceId = draft.SourceId,
            Changes = JsonSerializer.Serialize(changes, HistoryJson.Default.ListFieldChange),
            ChangedAt = draft.ChangedAt,
        };
        return (entry, changes);
    }
}

/// <summary>Who changed which client or policy, how and when (the writer's clock); the fields come from the snapshots.</summary>
public sealed record HistoryEntryDraft(
    Guid AgentId, Guid ClientId, HistoryAction Action, HistoryActor Actor, DateTimeOffset ChangedAt, Guid? PolicyId = null, string? PolicyNumber = null,
    string? SourceId = null);

/// <summary>
/// A history entry's changes as JSON, source-generated: an import serializes them for every client and policy it writes,
/// and the generated writer skips the reflection-driven one's per-property work.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<FieldChange>))]
internal sealed partial class HistoryJson : JsonSerializerContext;
