namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>The page-size rule every list RPC shares: 0 means the default, otherwise 1 to the maximum.</summary>
public static class PageSize
{
    public const int Default = 50;
    public const int Maximum = 200;

    public static int Resolve(int requested, FieldViolations violations, string field = "pageSize") =>
        Resolve(requested, violations, Default, Maximum, field);

    /// <summary>The same rule for a list whose rows are small and read many at once (a calendar's events).</summary>
    public static int Resolve(int requested, FieldViolations violations, int @default, int maximum, string field = "pageSize")
    {
        if (requested == 0)
        {
            return @default;
        }

        if (requested < 1 || requested > maximum)
        {
            violations.Add(field, $"must be between 1 and {maximum} (or 0 for {@default}).");
            return @default;
        }

        return requested;
    }
}
