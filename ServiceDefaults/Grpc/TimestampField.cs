using Google.Protobuf.WellKnownTypes;

namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>
/// Reads a required <c>google.protobuf.Timestamp</c> field. A gRPC caller can send values no instant has
/// (nanos outside 0–999,999,999, seconds outside years 1–9999); those are the caller's error, not the server's.
/// </summary>
public static class TimestampField
{
    private const long MinimumSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaximumSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    /// <summary>The instant; a field violation (and the default) when it is unset or not a valid timestamp.</summary>
    public static DateTimeOffset Resolve(Timestamp? value, FieldViolations violations, string field)
    {
        if (value is null)
        {
            violations.Add(field, "is required.");
            return default;
        }

        if (value.Seconds < MinimumSeconds || value.Seconds > MaximumSeconds || value.Nanos is < 0 or > 999_999_999)
        {
            violations.Add(field, "is not a valid timestamp (years 1 to 9999, nanos 0 to 999,999,999).");
            return default;
        }

        return value.ToDateTimeOffset();
    }
}
