using AgentCalls.ServiceDefaults.Grpc;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>Reads a client sent to the API into <see cref="ClientValues"/>, naming every field at fault.</summary>
public static class ClientInput
{
    public static ClientValues? Read(Proto.Client? input, string region, DateOnly today, FieldViolations violations)
    {
        if (input is null)
        {
            violations.Add("client", "is required.");
            return null;
        }

        T Check<T>((T Value, string? Error) result, string field)
        {
            if (result.Error is { } error)
            {
                violations.Add(field, error);
            }

            return result.Value;
        }

        var name = Check(ClientRules.Name(input.DisplayName), "displayName");
        var email = Check(ClientRules.Email(input.Email), "email");
        var phones = ReadPhones(input.Phones, region, violations);
        var address = ReadAddress(input.Address ?? new Proto.PostalAddress(), violations);
        var dateOfBirth = Check(ClientRules.DateOfBirth(ProtoDates.Read(input.DateOfBirth, violations, "dateOfBirth"), today), "dateOfBirth");
        var householdId = ResourceId.ParseOptional(input.HouseholdId, violations, "householdId");
        var windowStart = ProtoDates.Read(input.ContactWindowStart, violations, "contactWindowStart");
        var windowEnd = ProtoDates.Read(input.ContactWindowEnd, violations, "contactWindowEnd");
        if ((windowStart is null) != (windowEnd is null) || (windowStart is not null && windowStart == windowEnd))
        {
            violations.Add("contactWindowEnd", "must be given with contactWindowStart, and differ from it.");
        }

        var timeZone = Check(ClientRules.TimeZone(input.TimeZone), "timeZone");
        var reason = Check(ClientRules.Text(input.DoNotCallReason, ClientRules.MaxReasonLength), "doNotCallReason");
        var since = ProtoDates.Read(input.DoNotCallSince, violations, "doNotCallSince");
        var consent = ReadConsent(input.RecordingConsent, violations);
        var tags = Check(ClientRules.Tags(input.Tags), "tags");
        var notes = Check(ClientRules.Text(input.Notes, ClientRules.MaxNotesLength), "notes");
        var externalId = Check(ClientRules.Text(input.ExternalId, ClientRules.MaxExternalIdLength), "externalId");
        if (!violations.IsEmpty)
        {
            return null;
        }

        return new ClientValues
        {
            DisplayName = name!,
            Email = email,
            Phones = phones,
            Address = address,
            DateOfBirth = dateOfBirth,
            HouseholdId = householdId,
            ContactWindowStart = windowStart,
            ContactWindowEnd = windowEnd,
            TimeZone = timeZone,
            DoNotCall = input.DoNotCall,
            // A do-not-call mark keeps its reason and date; without the mark neither means anything.
            DoNotCallReason = input.DoNotCall ? reason : null,
            DoNotCallSince = input.DoNotCall ? since ?? today : null,
            RecordingConsent = consent,
            Tags = tags!,
            Notes = notes,
            ExternalId = externalId,
        };
    }

    private static List<ClientPhone> ReadPhones(IList<Proto.Phone> input, string region, FieldViolations violations)
    {
        if (input.Count > ClientRules.MaxPhones)
        {
            violations.Add("phones", $"has more than {ClientRules.MaxPhones} numbers.");
        }

        var phones = new List<ClientPhone>();
        for (var i = 0; i < input.Count; i++)
        {
            var (number, error) = ClientRules.Phone(input[i].Number, region);
            if (error is not null)
            {
                violations.Add($"phones[{i}].number", error);
            }

            var type = ProtoEnums.ToPhoneType(input[i].Type);
            if (type is null)
            {
                violations.Add($"phones[{i}].type", "is not a phone type.");
            }

            if (number is not null && type is { } t && phones.All(p => p.Number != number))
            {
                phones.Add(new ClientPhone { Number = number, Type = t });
            }
        }

        return phones;
    }

    private static PostalAddress ReadAddress(Proto.PostalAddress input, FieldViolations violations)
    {
        string? Part(string raw, string field)
        {
            var (value, error) = ClientRules.Text(raw, ClientRules.MaxAddressPartLength);
            if (error is not null)
            {
                violations.Add($"address.{field}", error);
            }

            return value;
        }

        var (country, countryError) = ClientRules.CountryCode(input.CountryCode);
        if (countryError is not null)
        {
            violations.Add("address.countryCode", countryError);
        }

        return new PostalAddress
        {
            Line1 = Part(input.Line1, "line1"),
            Line2 = Part(input.Line2, "line2"),
            City = Part(input.City, "city"),
            Region = Part(input.Region, "region"),
            PostalCode = Part(input.PostalCode, "postalCode"),
            CountryCode = country,
        };
    }

    private static RecordingConsent ReadConsent(Proto.RecordingConsent input, FieldViolations violations)
    {
        if (ProtoEnums.ToConsent(input) is { } consent)
        {
            return consent;
        }

        violations.Add("recordingConsent", "is not a recording consent value.");
        return RecordingConsent.Unknown;
    }
}
