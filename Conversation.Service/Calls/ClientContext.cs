using AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>What the call knows of its client, read from Clients.Service as the agent when the call started.</summary>
public sealed record ClientContext(Guid Id, string Name, string TimeZone, bool DoNotCall, bool RecordingConsent, IReadOnlyList<string> Vocabulary,
    IReadOnlyList<ClientPolicy> Policies)
{
    public static ClientContext From(Client client) => new(
        Guid.Parse(client.ClientId),
        client.DisplayName,
        client.TimeZone,
        client.DoNotCall,
        client.RecordingConsent == Contracts.Clients.V1.RecordingConsent.Granted,
        // The words transcription should expect: the client's name, and carriers.
        [.. new[] { client.DisplayName }.Concat(client.Policies.Select(p => p.Carrier)).Where(w => w.Length > 0).Distinct()],
        [.. client.Policies.Select(ClientPolicy.From)]);
}
