namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>The page-size rule every list RPC shares: 0 means the default, otherwise 1 to the maximum.</summary>
public static class PageSize
{
    public const int Default = 50;
    public const int Maximum = 200;

    public static int Resolve(int requested, FieldViolations violations, string field = "pageSize")
    {
        if (requested == 0)
        {
            return Default;
        }

        if (requested is < 1 or > Maximum)
        {
            violations.Add(field, $"must be between 1 and {Maximum} (or 0 for {Default}).");
            return Default;
        }

        return requested;
    }
}
