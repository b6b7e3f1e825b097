using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Policies;

namespace AgentCalls.Clients.Service.Import.Mapping;

/// <summary>One accepted CSV row: a client's values and, when the row names a policy, the policy's. Null means "not given".</summary>
public sealed class ImportRow
{
    public required int Line { get; init; }

    public Guid? ClientRef { get; set; }

    public string? ExternalId { get; set; }

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    public List<ClientPhone> Phones { get; } = [];

    public string? AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    public string? CountryCode { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Household { get; set; }

    public TimeOnly? ContactWindowStart { get; set; }

    public TimeOnly? ContactWindowEnd { get; set; }

    public string? TimeZone { get; set; }

    public bool? DoNotCall { get; set; }

    public string? DoNotCallReason { get; set; }

    public DateOnly? DoNotCallSince { get; set; }

    public RecordingConsent? RecordingConsent { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Notes { get; set; }

    public DateTimeOffset? LastContactedAt { get; set; }

    public string? LastOutcome { get; set; }

    public ImportPolicy? Policy { get; set; }
}

/// <summary>The policy a row names.</summary>
public sealed class ImportPolicy
{
    public required string PolicyNumber { get; init; }

    public string? Carrier { get; set; }

    public LineOfBusiness? LineOfBusiness { get; set; }

    /// <summary>The file's words for a line of business that matched none we know (filed as other).</summary>
    public string? LineOfBusinessText { get; set; }

    public PolicyStatus? Status { get; set; }

    /// <summary>The file's words for a status that matched none we know (filed as other).</summary>
    public string? StatusText { get; set; }

    public long? PremiumMinor { get; set; }

    public string? Currency { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? Notes { get; set; }
}

/// <summary>
/// Why a row was refused: the line it starts on, the column at fault (null for the row as a whole), the reason; or,
/// <paramref name="Kept"/>, a value of an accepted row that matched nothing known and was filed as other.
/// </summary>
public sealed record ImportCellError(int Line, string? Column, string Reason, bool Kept = false);
