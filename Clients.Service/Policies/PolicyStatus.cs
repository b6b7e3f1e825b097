namespace AgentCalls.Clients.Service.Policies;

public enum PolicyStatus
{
    Quote,
    Active,
    PendingRenewal,
    Lapsed,
    Cancelled,
    Expired,
}
