using AgentCalls.Clients.Service.Policies;
using AgentCalls.Eventing;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>A person or business in an agent's book.</summary>
public sealed class Client
{
    public Guid Id { get; init; } = TimeOrderedIds.Next();

    public required Guid AgentId { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>Lowercase, so it can serve as a de-duplication key.</summary>
    public string? Email { get; set; }

    /// <summary>Numbers in E.164 form, stored as one JSON column.</summary>
    public List<ClientPhone> Phones { get; set; } = [];

    public PostalAddress Address { get; set; } = new();

    public DateOnly? DateOfBirth { get; set; }

    public Guid? HouseholdId { get; set; }

    /// <summary>The preferred time of day for calls, in <see cref="TimeZone"/>.</summary>
    public TimeOnly? ContactWindowStart { get; set; }

    public TimeOnly? ContactWindowEnd { get; set; }

    /// <summary>IANA time zone name.</summary>
    public string? TimeZone { get; set; }

    public bool DoNotCall { get; set; }

    public string? DoNotCallReason { get; set; }

    public DateOnly? DoNotCallSince { get; set; }

    public RecordingConsent RecordingConsent { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Notes { get; set; }

    /// <summary>The client's id in the system the book was imported from.</summary>
    public string? ExternalId { get; set; }

    public DateTimeOffset? LastContactedAt { get; set; }

    public string? LastOutcome { get; set; }

    /// <summary>Set when the last logged call ended with a callback request; cleared by the next logged call.</summary>
    public DateTimeOffset? CallbackRequestedAt { get; set; }

    /// <summary>Name, e-mail, phone digits and policy numbers, lowercase: what the query box searches. See <c>ClientSearchText</c>.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Postgres' xmin: changes with every update, so a stale write is detected.</summary>
    public uint Version { get; set; }

    public List<Policy> Policies { get; init; } = [];
}

/// <summary>One of a client's phone numbers.</summary>
public sealed record ClientPhone
{
    /// <summary>E.164, for example +12025550143.</summary>
    public required string Number { get; init; }

    public required PhoneType Type { get; init; }
}

public enum PhoneType
{
    Mobile,
    Home,
    Work,
    Other,
}

public enum RecordingConsent
{
    Unknown,
    Granted,
    Declined,
}

/// <summary>A postal address; every part is optional.</summary>
public sealed record PostalAddress
{
    public string? Line1 { get; init; }

    public string? Line2 { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? CountryCode { get; init; }
}
