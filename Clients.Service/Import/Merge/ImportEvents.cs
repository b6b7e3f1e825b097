using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.Eventing;
using Google.Protobuf;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Npgsql;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// A batch's <c>ClientUpdated</c> and <c>PolicyChanged</c> events, one for each client and policy the merge created or
/// changed, the same events the API sends: queued in the outbox in the batch's transaction. The merge notes each row it
/// writes in <c>import_changes</c> (<see cref="ImportMergeSql"/>); one query reads them with the values the events
/// carry and one binary COPY (<see cref="OutboxCopy"/>) writes the events, so a batch of thousands costs two statements, not thousands.
/// </summary>
public static class ImportEvents
{
    public static async Task QueueAsync(NpgsqlConnection connection, Guid agentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        var agent = agentId.ToString();
        var at = Timestamp.FromDateTimeOffset(now);
        // Clients before policies, so that a consumer hears of a new client before its policies. Each noted client is
        // looked up by its key (OFFSET 0 keeps the lookup per row): joined plainly, the planner hashes the whole
        // clients table, every agent's, on every batch, a cost that grows with the table rather than the batch.
        await using (var command = ImportDatabase.Command(connection, """
            SELECT e.subject, e.change, e.client_id, e.policy_id, e.fields, c.display_name, c.do_not_call, c.recording_consent, p.policy_number, p.status
            FROM import_changes AS e
            CROSS JOIN LATERAL (SELECT c.display_name, c.do_not_call, c.recording_consent FROM clients AS c WHERE c.id = e.client_id OFFSET 0) AS c
            LEFT JOIN policies AS p ON p.id = e.policy_id
            ORDER BY e.subject, e.client_id, e.policy_id
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var (subject, kind, client, policy, fields) = (reader.GetOrdinal("subject"), reader.GetOrdinal("change"), reader.GetOrdinal("client_id"),
                reader.GetOrdinal("policy_id"), reader.GetOrdinal("fields"));
            var (name, doNotCall, consent, number, status) = (reader.GetOrdinal("display_name"), reader.GetOrdinal("do_not_call"),
                reader.GetOrdinal("recording_consent"), reader.GetOrdinal("policy_number"), reader.GetOrdinal("status"));
            while (await reader.ReadAsync(cancellationToken))
            {
                var change = reader.GetString(kind) == "Created" ? Proto.ChangeKind.Created : Proto.ChangeKind.Updated;
                IMessage message = reader.GetString(subject) == "Client"
                    ? new Proto.ClientUpdated
                    {
                        AgentId = agent,
                        ClientId = reader.GetGuid(client).ToString(),
                        Change = change,
                        ChangedFields = { reader.GetFieldValue<string[]>(fields) },
                        DisplayName = reader.GetString(name),
                        DoNotCall = reader.GetBoolean(doNotCall),
                        RecordingConsent = (int)ProtoEnums.ToProto(Enum.Parse<RecordingConsent>(reader.GetString(consent))),
                        OccurredAt = at,
                    }
                    : new Proto.PolicyChanged
                    {
                        AgentId = agent,
                        ClientId = reader.GetGuid(client).ToString(),
                        PolicyId = reader.GetGuid(policy).ToString(),
                        Change = change,
                        ChangedFields = { reader.GetFieldValue<string[]>(fields) },
                        PolicyNumber = reader.GetString(number),
                        Status = (int)ProtoEnums.ToProto(Enum.Parse<PolicyStatus>(reader.GetString(status))),
                        OccurredAt = at,
                    };
                messages.Add(OutboxMessage.For(message, now));
            }
        }

        await OutboxCopy.WriteAsync(connection, messages, cancellationToken);
    }
}
