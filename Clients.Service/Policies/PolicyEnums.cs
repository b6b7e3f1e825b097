namespace AgentCalls.Clients.Service.Policies;

public enum LineOfBusiness
{
    Other,
    Auto,
    Home,
    Renters,
    Condo,
    Umbrella,
    Life,
    Health,
    Commercial,
}

public enum PolicyStatus
{
    Quote,
    Active,
    PendingRenewal,
    Lapsed,
    Cancelled,
    Expired,

    /// <summary>A status from an imported file that matched none of the others; the policy keeps the file's words.</summary>
    Other,
}
