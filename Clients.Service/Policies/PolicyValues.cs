namespace AgentCalls.Clients.Service.Policies;

/// <summary>A policy's editable fields, checked and normalised: what a create or an update writes.</summary>
public sealed record PolicyValues
{
    public required string PolicyNumber { get; init; }

    public required string Carrier { get; init; }

    public required LineOfBusiness LineOfBusiness { get; init; }

    public required PolicyStatus Status { get; init; }

    public required long PremiumMinor { get; init; }

    public required string Currency { get; init; }

    public DateOnly? EffectiveOn { get; init; }

    public DateOnly? ExpiresOn { get; init; }

    public DateOnly? EndedOn { get; init; }

    public string? Notes { get; init; }

    public void ApplyTo(Policy policy)
    {
        policy.PolicyNumber = PolicyNumber;
        policy.Carrier = Carrier;
        // The imported words stay only while the value is still the "other" they were filed under.
        policy.LineOfBusinessText = LineOfBusiness == LineOfBusiness.Other ? policy.LineOfBusinessText : null;
        policy.StatusText = Status == PolicyStatus.Other ? policy.StatusText : null;
        policy.LineOfBusiness = LineOfBusiness;
        policy.Status = Status;
        policy.PremiumMinor = PremiumMinor;
        policy.Currency = Currency;
        policy.EffectiveOn = EffectiveOn;
        policy.ExpiresOn = ExpiresOn;
        policy.EndedOn = EndedOn;
        policy.Notes = Notes;
    }
}
