using AgentCalls.Clients.Service.Policies;
using Google.Protobuf.WellKnownTypes;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>A stored client as the contract shows it.</summary>
public static class ClientMapping
{
    public static Proto.Client ToProto(Client c, string? householdName, DateTimeOffset? nextCallAt)
    {
        var client = new Proto.Client
        {
            ClientId = c.Id.ToString(),
            DisplayName = c.DisplayName,
            Email = c.Email ?? "",
            Address = new Proto.PostalAddress
            {
                Line1 = c.Address.Line1 ?? "",
                Line2 = c.Address.Line2 ?? "",
                City = c.Address.City ?? "",
                Region = c.Address.Region ?? "",
                PostalCode = c.Address.PostalCode ?? "",
                CountryCode = c.Address.CountryCode ?? "",
            },
            DateOfBirth = ProtoDates.ToProto(c.DateOfBirth),
            HouseholdId = c.HouseholdId?.ToString() ?? "",
            HouseholdName = householdName ?? "",
            ContactWindowStart = ProtoDates.ToProto(c.ContactWindowStart),
            ContactWindowEnd = ProtoDates.ToProto(c.ContactWindowEnd),
            TimeZone = c.TimeZone ?? "",
            DoNotCall = c.DoNotCall,
            DoNotCallReason = c.DoNotCallReason ?? "",
            DoNotCallSince = ProtoDates.ToProto(c.DoNotCallSince),
            RecordingConsent = ProtoEnums.ToProto(c.RecordingConsent),
            Notes = c.Notes ?? "",
            ExternalId = c.ExternalId ?? "",
            LastContactedAt = c.LastContactedAt is { } contacted ? Timestamp.FromDateTimeOffset(contacted) : null,
            LastOutcome = c.LastOutcome ?? "",
            NextCallAt = nextCallAt is { } next ? Timestamp.FromDateTimeOffset(next) : null,
            CreatedAt = Timestamp.FromDateTimeOffset(c.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(c.UpdatedAt),
            Etag = Etag.Format(c.Version),
        };
        client.Phones.AddRange(c.Phones.Select(p => new Proto.Phone { Number = p.Number, Type = ProtoEnums.ToProto(p.Type) }));
        client.Tags.AddRange(c.Tags);
        client.Policies.AddRange(PolicyOrder.Apply(c.Policies).Select(PolicyMapping.ToProto));
        return client;
    }

    public static Proto.ClientUpdated ToEvent(Client c, Proto.ChangeKind change, IEnumerable<string> changedFields, DateTimeOffset at) => new()
    {
        AgentId = c.AgentId.ToString(),
        ClientId = c.Id.ToString(),
        Change = change,
        ChangedFields = { changedFields },
        DisplayName = c.DisplayName,
        DoNotCall = c.DoNotCall,
        RecordingConsent = (int)ProtoEnums.ToProto(c.RecordingConsent),
        OccurredAt = Timestamp.FromDateTimeOffset(at),
    };
}
