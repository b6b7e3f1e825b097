using System.Globalization;
using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;

namespace AgentCalls.Clients.Service.Messages;

/// <summary>A row's version (Postgres xmin) as the API shows it; a write naming an older one is refused with Aborted.</summary>
public static class Etag
{
    public static string Format(uint version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version an etag names; null (and a violation when required) when it is empty or not one of ours.</summary>
    public static uint? Parse(string value, FieldViolations violations, bool required, string field = "etag")
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                violations.Add(field, "is required: send the etag of the version you read.");
            }

            return null;
        }

        if (uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        violations.Add(field, "is not an etag from this service.");
        return null;
    }

    public static RpcException Stale(string what) =>
        new(new Status(StatusCode.Aborted, $"The {what} changed since you read it: read it again and reapply your change."));
}
