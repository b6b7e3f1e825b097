using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.Contracts.Clients.V1;
using LineOfBusiness = AgentCalls.Clients.Service.Policies.LineOfBusiness;
using PolicyStatus = AgentCalls.Clients.Service.Policies.PolicyStatus;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.Import.Mapping;

/// <summary>
/// Turns one CSV record into an <see cref="ImportRow"/> through the mapping, by the same rules as the API. A row
/// with any error is refused whole, with every error named (line, column, reason).
/// </summary>
public sealed class ImportRowReader(IReadOnlyList<ImportColumn> mapping, string region, DateOnly today)
{
    private static readonly ImportField[] PolicyFields =
    [
        ImportField.Carrier, ImportField.LineOfBusiness, ImportField.PolicyStatus, ImportField.Premium, ImportField.Currency,
        ImportField.EffectiveDate, ImportField.ExpirationDate, ImportField.EndDate, ImportField.PolicyNotes,
    ];

    private static readonly (ImportField Field, Clients.PhoneType Type)[] PhoneFields =
    [
        (ImportField.MobilePhone, Clients.PhoneType.Mobile), (ImportField.HomePhone, Clients.PhoneType.Home),
        (ImportField.WorkPhone, Clients.PhoneType.Work), (ImportField.OtherPhone, Clients.PhoneType.Other),
    ];

    private readonly ImportColumn[] columns = [.. mapping.Where(c => c.Field != ImportField.Unspecified)];

    /// <summary>
    /// The row, or null when it is blank (nothing to import) or refused (its errors added to <paramref name="errors"/>);
    /// an accepted row's values filed as other are added there too, as kept.
    /// </summary>
    public ImportRow? Read(string[] record, int line, List<ImportCellError> errors)
    {
        var cells = new Cells(columns, record, line);
        if (cells.AllEmpty)
        {
            return null;
        }

        var row = new ImportRow { Line = line };
        ReadClient(cells, row);
        ReadContact(cells, row);
        row.Policy = ReadPolicy(cells);
        errors.AddRange(cells.Errors.Count == 0 ? cells.Kept : cells.Errors);
        return cells.Errors.Count == 0 ? row : null;
    }

    private void ReadClient(Cells cells, ImportRow row)
    {
        var full = cells[ImportField.Name];
        var name = full.Length > 0 ? full : $"{cells[ImportField.FirstName]} {cells[ImportField.LastName]}".Trim();
        var nameField = full.Length > 0 || !cells.Has(ImportField.FirstName) ? ImportField.Name : ImportField.FirstName;
        row.DisplayName = cells.Check(nameField, ClientRules.Name(name)) ?? "";
        if (cells[ImportField.ClientId] is { Length: > 0 } reference)
        {
            row.ClientRef = Guid.TryParse(reference, out var id) ? id : cells.Fail<Guid?>(ImportField.ClientId, "is not an AgentCalls client id.");
        }

        row.ExternalId = cells.Check(ImportField.ExternalId, ClientRules.Text(cells[ImportField.ExternalId], ClientRules.MaxExternalIdLength));
        row.Email = cells.Check(ImportField.Email, ClientRules.Email(cells[ImportField.Email]));
        row.AddressLine1 = cells.Text(ImportField.AddressLine1, ClientRules.MaxAddressPartLength);
        row.AddressLine2 = cells.Text(ImportField.AddressLine2, ClientRules.MaxAddressPartLength);
        row.City = cells.Text(ImportField.City, ClientRules.MaxAddressPartLength);
        row.Region = cells.Text(ImportField.Region, ClientRules.MaxAddressPartLength);
        row.PostalCode = cells.Text(ImportField.PostalCode, ClientRules.MaxAddressPartLength);
        row.CountryCode = cells.Check(ImportField.Country, ClientRules.CountryCode(cells[ImportField.Country]));
        row.DateOfBirth = cells.Check(ImportField.DateOfBirth, ClientRules.DateOfBirth(cells.Parse(ImportField.DateOfBirth, ImportCells.Date), today));
        row.Household = cells.Text(ImportField.Household, Households.HouseholdBook.MaxNameLength);
        row.Tags = cells.Check(ImportField.Tags, ClientRules.Tags(ImportCells.List(cells[ImportField.Tags]))) ?? [];
        row.Notes = cells.Text(ImportField.Notes, ClientRules.MaxNotesLength);
        row.LastContactedAt = cells.Parse(ImportField.LastContacted, ImportCells.Instant);
        row.LastOutcome = cells.Text(ImportField.LastOutcome, 200);
    }

    private void ReadContact(Cells cells, ImportRow row)
    {
        foreach (var (field, type) in PhoneFields)
        {
            foreach (var number in ImportCells.List(cells[field]))
            {
                if (cells.Check(field, ClientRules.Phone(number, region)) is { } e164 && row.Phones.All(p => p.Number != e164))
                {
                    row.Phones.Add(new ClientPhone { Number = e164, Type = type });
                }
            }
        }

        row.ContactWindowStart = cells.Parse(ImportField.ContactWindowStart, ImportCells.Time);
        row.ContactWindowEnd = cells.Parse(ImportField.ContactWindowEnd, ImportCells.Time);
        if ((cells[ImportField.ContactWindowStart].Length > 0) != (cells[ImportField.ContactWindowEnd].Length > 0))
        {
            cells.Fail<bool>(ImportField.ContactWindowEnd, "must be given with Contact Window Start.");
        }

        row.TimeZone = cells.Check(ImportField.TimeZone, ClientRules.TimeZone(cells[ImportField.TimeZone]));
        row.DoNotCall = cells.Parse(ImportField.DoNotCall, ImportCells.YesNo);
        row.DoNotCallReason = cells.Text(ImportField.DoNotCallReason, ClientRules.MaxReasonLength);
        row.DoNotCallSince = cells.Parse(ImportField.DoNotCallSince, ImportCells.Date);
        row.RecordingConsent = cells.Parse(ImportField.RecordingConsent, ImportCells.Consent);
    }

    private static ImportPolicy? ReadPolicy(Cells cells)
    {
        var number = cells[ImportField.PolicyNumber];
        if (number.Length == 0)
        {
            if (PolicyFields.FirstOrDefault(f => cells[f].Length > 0) is var filled && filled != ImportField.Unspecified)
            {
                cells.Fail<bool>(ImportField.PolicyNumber, $"is required when {ImportColumns.HeaderOf(filled)} is filled.");
            }

            return null;
        }

        var currency = cells.Check(ImportField.Currency, PolicyRules.Currency(cells[ImportField.Currency]));
        var policy = new ImportPolicy
        {
            PolicyNumber = cells.Check(ImportField.PolicyNumber, PolicyRules.Required(number, PolicyRules.MaxNumberLength)) ?? "",
            Carrier = cells.Check(ImportField.Carrier, PolicyRules.Required(cells[ImportField.Carrier], PolicyRules.MaxCarrierLength)),
            Currency = cells[ImportField.Currency].Length > 0 ? currency : null,
            PremiumMinor = cells.Parse(ImportField.Premium, cell => ImportCells.Premium(cell, currency ?? Currencies.Default)),
            EffectiveOn = cells.Parse(ImportField.EffectiveDate, ImportCells.Date),
            ExpiresOn = cells.Parse(ImportField.ExpirationDate, ImportCells.Date),
            EndedOn = cells.Parse(ImportField.EndDate, ImportCells.Date),
            Notes = cells.Text(ImportField.PolicyNotes, PolicyRules.MaxNotesLength),
        };
        (policy.LineOfBusiness, policy.LineOfBusinessText) = cells.KnownOrOther(ImportField.LineOfBusiness, ImportCells.Line, LineOfBusiness.Other, "a line of business");
        (policy.Status, policy.StatusText) = cells.KnownOrOther(ImportField.PolicyStatus, ImportCells.Status, PolicyStatus.Other, "a policy status");
        if (PolicyRules.Dates(policy.EffectiveOn, policy.ExpiresOn, policy.EndedOn) is { } datesError)
        {
            cells.Fail<bool>(datesError.Field == "endDate" ? ImportField.EndDate : ImportField.ExpirationDate, datesError.Error);
        }

        if (policy.EndedOn is not null && policy.Status is { } status and not (PolicyStatus.Lapsed or PolicyStatus.Cancelled or PolicyStatus.Other))
        {
            cells.Fail<bool>(ImportField.EndDate, "is only for lapsed or cancelled policies.");
        }

        return policy;
    }

    /// <summary>One record's cells by field, and the errors found reading them.</summary>
    private sealed class Cells(ImportColumn[] columns, string[] record, int line)
    {
        private readonly Dictionary<ImportField, (string Header, string Value)> byField = columns.ToDictionary(
            c => c.Field, c => (c.Header, c.Index < record.Length ? CsvFiles.Storable(CsvFiles.Unescape(record[c.Index].Trim())) : ""));

        public List<ImportCellError> Errors { get; } = [];

        /// <summary>Values matching nothing known, kept as other.</summary>
        public List<ImportCellError> Kept { get; } = [];

        public bool AllEmpty => record.All(string.IsNullOrWhiteSpace);

        public string this[ImportField field] => byField.TryGetValue(field, out var cell) ? cell.Value : "";

        public bool Has(ImportField field) => byField.ContainsKey(field);

        public T? Fail<T>(ImportField field, string reason)
        {
            Errors.Add(new ImportCellError(line, Header(field), reason));
            return default;
        }

        /// <summary>
        /// The value <paramref name="read"/> finds in the cell; a value it does not know keeps the row: it is filed as
        /// <paramref name="other"/> with the cell's text, and noted.
        /// </summary>
        public (T? Value, string? Text) KnownOrOther<T>(ImportField field, Func<string, T?> read, T other, string what) where T : struct
        {
            var cell = this[field];
            if (cell.Length == 0)
            {
                return (null, null);
            }

            if (read(cell) is { } known)
            {
                return (known, null);
            }

            var text = cell.Length > PolicyRules.MaxImportedTextLength ? cell[..PolicyRules.MaxImportedTextLength] : cell;
            Kept.Add(new ImportCellError(line, Header(field), $"“{text}” is not {what} AgentCalls knows: filed as other, with the file's words kept.", Kept: true));
            return (other, text);
        }

        public T? Check<T>(ImportField field, (T? Value, string? Error) result) =>
            result.Error is { } error ? Fail<T>(field, error) : result.Value;

        public T? Parse<T>(ImportField field, Func<string, (T? Value, string? Error)> parse) where T : struct =>
            this[field] is { Length: > 0 } cell ? Check(field, parse(cell)) : null;

        public string? Text(ImportField field, int maxLength) => Check(field, ClientRules.Text(this[field], maxLength));

        private string Header(ImportField field) => byField.TryGetValue(field, out var cell) ? cell.Header : ImportColumns.HeaderOf(field);
    }
}
