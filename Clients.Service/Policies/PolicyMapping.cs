using Google.Protobuf.WellKnownTypes;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Policies;

/// <summary>A stored policy as the contract shows it.</summary>
public static class PolicyMapping
{
    public static Proto.Policy ToProto(Policy p) => new()
    {
        PolicyId = p.Id.ToString(),
        ClientId = p.ClientId.ToString(),
        PolicyNumber = p.PolicyNumber,
        Carrier = p.Carrier,
        LineOfBusiness = ProtoEnums.ToProto(p.LineOfBusiness),
        Status = ProtoEnums.ToProto(p.Status),
        PremiumMinor = p.PremiumMinor,
        CurrencyCode = p.Currency,
        EffectiveDate = ProtoDates.ToProto(p.EffectiveOn),
        ExpirationDate = ProtoDates.ToProto(p.ExpiresOn),
        EndDate = ProtoDates.ToProto(p.EndedOn),
        Notes = p.Notes ?? "",
        CreatedAt = Timestamp.FromDateTimeOffset(p.CreatedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(p.UpdatedAt),
        Etag = Etag.Format(p.Version),
        LineOfBusinessText = p.LineOfBusinessText ?? "",
        StatusText = p.StatusText ?? "",
    };

    public static Proto.PolicyChanged ToEvent(Policy p, Proto.ChangeKind change, IEnumerable<string> changedFields, DateTimeOffset at) => new()
    {
        AgentId = p.AgentId.ToString(),
        ClientId = p.ClientId.ToString(),
        PolicyId = p.Id.ToString(),
        Change = change,
        ChangedFields = { changedFields },
        PolicyNumber = p.PolicyNumber,
        Status = (int)ProtoEnums.ToProto(p.Status),
        OccurredAt = Timestamp.FromDateTimeOffset(at),
    };
}

/// <summary>How a client's policies are listed: by expiration date (none last), then number.</summary>
public static class PolicyOrder
{
    public static IEnumerable<Policy> Apply(IEnumerable<Policy> policies) =>
        policies.OrderBy(p => p.ExpiresOn ?? DateOnly.MaxValue).ThenBy(p => p.PolicyNumber, StringComparer.Ordinal);
}
