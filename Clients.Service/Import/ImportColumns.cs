using System.Collections.Frozen;
using AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Clients.Service.Import;

/// <summary>
/// The CSV format: each field's header as the export writes it, and the other headers agency systems use for it.
/// Headers are compared by their letters and digits only, ignoring case ("E-mail Address" = "emailaddress").
/// </summary>
public static class ImportColumns
{
    /// <summary>The export's columns, in order; an import of an export maps every one of them automatically.</summary>
    public static readonly IReadOnlyList<(ImportField Field, string Header)> Canonical =
    [
        (ImportField.ClientId, "Client ID"), (ImportField.ExternalId, "External ID"), (ImportField.Name, "Name"),
        (ImportField.Email, "Email"), (ImportField.MobilePhone, "Mobile Phone"), (ImportField.HomePhone, "Home Phone"),
        (ImportField.WorkPhone, "Work Phone"), (ImportField.OtherPhone, "Other Phone"), (ImportField.AddressLine1, "Address Line 1"),
        (ImportField.AddressLine2, "Address Line 2"), (ImportField.City, "City"), (ImportField.Region, "Region"),
        (ImportField.PostalCode, "Postal Code"), (ImportField.Country, "Country"), (ImportField.DateOfBirth, "Date of Birth"),
        (ImportField.Household, "Household"), (ImportField.ContactWindowStart, "Contact Window Start"),
        (ImportField.ContactWindowEnd, "Contact Window End"), (ImportField.TimeZone, "Time Zone"), (ImportField.DoNotCall, "Do Not Call"),
        (ImportField.DoNotCallReason, "Do Not Call Reason"), (ImportField.DoNotCallSince, "Do Not Call Since"),
        (ImportField.RecordingConsent, "Recording Consent"), (ImportField.Tags, "Tags"), (ImportField.Notes, "Notes"),
        (ImportField.LastContacted, "Last Contacted"), (ImportField.LastOutcome, "Last Outcome"), (ImportField.PolicyNumber, "Policy Number"),
        (ImportField.Carrier, "Carrier"), (ImportField.LineOfBusiness, "Line of Business"), (ImportField.PolicyStatus, "Policy Status"),
        (ImportField.Premium, "Premium"), (ImportField.Currency, "Currency"), (ImportField.EffectiveDate, "Effective Date"),
        (ImportField.ExpirationDate, "Expiration Date"), (ImportField.EndDate, "Lapse or Cancel Date"), (ImportField.PolicyNotes, "Policy Notes"),
    ];

    private static readonly (ImportField Field, string[] Names)[] Synonyms =
    [
        (ImportField.ClientId, ["agentcallsid"]),
        (ImportField.ExternalId, ["customerid", "customernumber", "accountnumber", "contactid", "id", "clientnumber"]),
        (ImportField.Name, ["fullname", "clientname", "insuredname", "customername", "contactname", "namedinsured", "insured"]),
        (ImportField.FirstName, ["firstname", "first", "givenname", "fname"]),
        (ImportField.LastName, ["lastname", "last", "surname", "familyname", "lname"]),
        (ImportField.Email, ["emailaddress", "mail", "primaryemail"]),
        (ImportField.MobilePhone, ["mobile", "cell", "cellphone", "mobilenumber", "cellnumber"]),
        (ImportField.HomePhone, ["homenumber"]),
        (ImportField.WorkPhone, ["businessphone", "officephone", "worknumber"]),
        (ImportField.OtherPhone, ["phone", "phonenumber", "telephone", "primaryphone", "tel"]),
        (ImportField.AddressLine1, ["address", "address1", "street", "streetaddress", "mailingaddress"]),
        (ImportField.AddressLine2, ["address2", "apt", "suite", "unit"]),
        (ImportField.City, ["town", "locality"]),
        (ImportField.Region, ["state", "province", "stateprovince"]),
        (ImportField.PostalCode, ["zip", "zipcode", "postcode", "postal"]),
        (ImportField.Country, ["countrycode"]),
        (ImportField.DateOfBirth, ["dob", "birthdate", "birthday"]),
        (ImportField.Household, ["householdname", "family"]),
        (ImportField.TimeZone, ["tz"]),
        (ImportField.DoNotCall, ["dnc"]),
        (ImportField.DoNotCallReason, ["dncreason"]),
        (ImportField.DoNotCallSince, ["donotcalldate", "dncdate"]),
        (ImportField.RecordingConsent, ["consenttorecord", "callrecordingconsent"]),
        (ImportField.Tags, ["labels", "tag"]),
        (ImportField.Notes, ["clientnotes", "comments", "note"]),
        (ImportField.LastContacted, ["lastcontact", "lastcontactdate", "lastcalled"]),
        (ImportField.LastOutcome, ["outcome", "lastcontactoutcome"]),
        (ImportField.PolicyNumber, ["policyno", "policy", "policynum", "policyid"]),
        (ImportField.Carrier, ["company", "insurer", "insurancecompany", "writingcompany"]),
        (ImportField.LineOfBusiness, ["lob", "line", "policytype", "coverage", "type"]),
        (ImportField.PolicyStatus, ["status"]),
        (ImportField.Premium, ["annualpremium", "writtenpremium", "premiumamount"]),
        (ImportField.Currency, ["currencycode"]),
        (ImportField.EffectiveDate, ["effective", "startdate", "inceptiondate", "policyeffectivedate"]),
        (ImportField.ExpirationDate, ["expiration", "expirydate", "renewaldate", "enddate", "policyexpirationdate"]),
        (ImportField.EndDate, ["lapsedate", "cancellationdate", "canceldate", "cancelleddate"]),
        (ImportField.PolicyNotes, ["policycomments"]),
    ];

    private static readonly FrozenDictionary<string, ImportField> ByName = Canonical
        .Select(c => (Name: Normalize(c.Header), c.Field))
        .Concat(Synonyms.SelectMany(s => s.Names.Select(name => (Name: name, s.Field))))
        .ToFrozenDictionary(x => x.Name, x => x.Field);

    /// <summary>The field a header most likely means; unspecified when it is not one we know.</summary>
    public static ImportField Recognize(string header) => ByName.GetValueOrDefault(Normalize(header), ImportField.Unspecified);

    public static string HeaderOf(ImportField field) => Canonical.FirstOrDefault(c => c.Field == field).Header ?? field.ToString();

    private static string Normalize(string header) => new([.. header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
