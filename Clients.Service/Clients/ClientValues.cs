namespace AgentCalls.Clients.Service.Clients;

/// <summary>A client's editable fields, checked and normalised: what a create or an update writes.</summary>
public sealed record ClientValues
{
    public required string DisplayName { get; init; }

    public string? Email { get; init; }

    public required List<ClientPhone> Phones { get; init; }

    public required PostalAddress Address { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public Guid? HouseholdId { get; init; }

    public TimeOnly? ContactWindowStart { get; init; }

    public TimeOnly? ContactWindowEnd { get; init; }

    public string? TimeZone { get; init; }

    public bool DoNotCall { get; init; }

    public string? DoNotCallReason { get; init; }

    public DateOnly? DoNotCallSince { get; init; }

    public RecordingConsent RecordingConsent { get; init; }

    public required List<string> Tags { get; init; }

    public string? Notes { get; init; }

    public string? ExternalId { get; init; }

    public void ApplyTo(Client client)
    {
        client.DisplayName = DisplayName;
        client.Email = Email;
        client.Phones = Phones;
        client.Address = Address;
        client.DateOfBirth = DateOfBirth;
        client.HouseholdId = HouseholdId;
        client.ContactWindowStart = ContactWindowStart;
        client.ContactWindowEnd = ContactWindowEnd;
        client.TimeZone = TimeZone;
        client.DoNotCall = DoNotCall;
        client.DoNotCallReason = DoNotCallReason;
        client.DoNotCallSince = DoNotCallSince;
        client.RecordingConsent = RecordingConsent;
        client.Tags = Tags;
        client.Notes = Notes;
        client.ExternalId = ExternalId;
    }
}
