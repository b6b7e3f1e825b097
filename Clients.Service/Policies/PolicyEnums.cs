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
}
