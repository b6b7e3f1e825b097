using AgentCalls.Clients.Service.Messages;
using Google.Protobuf.WellKnownTypes;
using Proto = AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>One row of a ListClients page, read by column name (<see cref="ClientSearchSql"/>'s SELECT).</summary>
public sealed record ClientSearchRow(
    Guid Id,
    string DisplayName,
    string? Email,
    string? Phone,
    int PolicyCount,
    DateTime CreatedAt,
    string[] Tags,
    bool DoNotCall,
    DateTime? LastContactedAt,
    DateOnly? NextRenewal,
    Guid? HouseholdId,
    string? SortName,
    double? SortNumber)
{
    public Proto.ClientSummary ToSummary()
    {
        var summary = new Proto.ClientSummary
        {
            ClientId = Id.ToString(),
            DisplayName = DisplayName,
            Email = Email ?? "",
            Phone = Phone ?? "",
            PolicyCount = PolicyCount,
            CreatedAt = Timestamp.FromDateTime(CreatedAt),
            DoNotCall = DoNotCall,
            LastContactedAt = LastContactedAt is { } contacted ? Timestamp.FromDateTime(contacted) : null,
            NextRenewalDate = ProtoDates.ToProto(NextRenewal),
            HouseholdId = HouseholdId?.ToString() ?? "",
        };
        summary.Tags.AddRange(Tags);
        return summary;
    }

    /// <summary>Where the page ends in <paramref name="order"/>, for the next page's token.</summary>
    public ClientSortKey SortKey(ClientSortOrder order) => order == ClientSortOrder.Name
        ? new ClientSortKey(order, SortName ?? "", 0)
        : new ClientSortKey(order, "", SortNumber ?? 0);
}
