using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;

namespace AgentCalls.Clients.Service.Messages;

/// <summary>Ids in requests: a malformed one is the caller's error; a well-formed one that is not the agent's is NotFound.</summary>
public static class ResourceId
{
    public static Guid Parse(string value, FieldViolations violations, string field)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        violations.Add(field, string.IsNullOrEmpty(value) ? "is required." : "is not an id.");
        return Guid.Empty;
    }

    /// <summary>Parses a single id, failing the call at once when it is malformed.</summary>
    public static Guid Require(string value, string field)
    {
        var violations = new FieldViolations();
        var id = Parse(value, violations, field);
        violations.ThrowIfAny();
        return id;
    }

    /// <summary>An optional id: null when empty.</summary>
    public static Guid? ParseOptional(string value, FieldViolations violations, string field) =>
        string.IsNullOrEmpty(value) ? null : Parse(value, violations, field);
}
