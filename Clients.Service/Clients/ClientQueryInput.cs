using AgentCalls.ServiceDefaults.Grpc;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>Checks ListClients' query, filters and order.</summary>
public static class ClientQueryInput
{
    public const int MaxQueryLength = 200;

    public static ClientQuery? Read(Proto.ListClientsRequest request, FieldViolations violations)
    {
        var text = request.Query.Trim().ToLowerInvariant();
        if (text.Length > MaxQueryLength)
        {
            violations.Add("query", $"is longer than {MaxQueryLength} characters.");
        }

        var order = request.OrderBy switch
        {
            Proto.ClientOrder.Unspecified => text.Length > 0 ? ClientSortOrder.Relevance : ClientSortOrder.Name,
            Proto.ClientOrder.Name => ClientSortOrder.Name,
            Proto.ClientOrder.Relevance when text.Length > 0 => ClientSortOrder.Relevance,
            Proto.ClientOrder.LastContacted => ClientSortOrder.LastContacted,
            Proto.ClientOrder.NextRenewal => ClientSortOrder.NextRenewal,
            Proto.ClientOrder.RecentlyAdded => ClientSortOrder.RecentlyAdded,
            Proto.ClientOrder.Relevance => Invalid("orderBy", "is relevance, which needs a query."),
            _ => Invalid("orderBy", "is not a client order."),
        };

        ClientSortOrder Invalid(string field, string description)
        {
            violations.Add(field, description);
            return ClientSortOrder.Name;
        }

        var query = new ClientQuery
        {
            Text = text,
            RenewalDueWithinDays = Days(request.RenewalDueWithinDays, 3650, "renewalDueWithinDays", violations),
            Lapsed = request.Lapsed,
            NotContactedForDays = Days(request.NotContactedForDays, 36500, "notContactedForDays", violations),
            LineOfBusiness = request.LineOfBusiness == Proto.LineOfBusiness.Unspecified ? null
                : ProtoEnums.ToLineOfBusiness(request.LineOfBusiness) ?? Unknown<Policies.LineOfBusiness>("lineOfBusiness", "a line of business", violations),
            Carrier = request.Carrier.Trim() is { Length: > 0 } carrier ? carrier.ToLowerInvariant() : null,
            PolicyStatus = request.PolicyStatus == Proto.PolicyStatus.Unspecified ? null
                : ProtoEnums.ToPolicyStatus(request.PolicyStatus) ?? Unknown<Policies.PolicyStatus>("policyStatus", "a policy status", violations),
            Tag = request.Tag.Trim() is { Length: > 0 } tag ? tag.ToLowerInvariant() : null,
            HouseholdId = ResourceId.ParseOptional(request.HouseholdId, violations, "householdId"),
            Order = order,
        };
        return violations.IsEmpty ? query : null;
    }

    private static int? Days(int value, int maximum, string field, FieldViolations violations)
    {
        if (value == 0)
        {
            return null;
        }

        if (value < 1 || value > maximum)
        {
            violations.Add(field, $"must be between 1 and {maximum} (or 0 for no filter).");
        }

        return value;
    }

    private static T? Unknown<T>(string field, string what, FieldViolations violations) where T : struct
    {
        violations.Add(field, $"is not {what}.");
        return null;
    }
}
