using AgentCalls.ServiceDefaults.Grpc;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Policies;

/// <summary>Reads a policy sent to the API into <see cref="PolicyValues"/>, naming every field at fault.</summary>
public static class PolicyInput
{
    public static PolicyValues? Read(Proto.Policy? input, DateOnly today, FieldViolations violations)
    {
        if (input is null)
        {
            violations.Add("policy", "is required.");
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

        var number = Check(PolicyRules.Required(input.PolicyNumber, PolicyRules.MaxNumberLength), "policyNumber");
        var carrier = Check(PolicyRules.Required(input.Carrier, PolicyRules.MaxCarrierLength), "carrier");
        var line = ProtoEnums.ToLineOfBusiness(input.LineOfBusiness);
        if (line is null)
        {
            violations.Add("lineOfBusiness", "is required: one of auto, home, renters, condo, umbrella, life, health, commercial, other.");
        }

        var status = ProtoEnums.ToPolicyStatus(input.Status);
        if (status is null)
        {
            violations.Add("status", "is required: one of quote, active, pending renewal, lapsed, cancelled, expired.");
        }

        if (PolicyRules.Premium(input.PremiumMinor) is { } premiumError)
        {
            violations.Add("premiumMinor", premiumError);
        }

        var currency = Check(PolicyRules.Currency(input.CurrencyCode), "currencyCode");
        var effective = ProtoDates.Read(input.EffectiveDate, violations, "effectiveDate");
        var expires = ProtoDates.Read(input.ExpirationDate, violations, "expirationDate");
        var ended = status is { } s ? Check(PolicyRules.EndDate(s, ProtoDates.Read(input.EndDate, violations, "endDate"), today), "endDate") : null;
        if (PolicyRules.Dates(effective, expires, ended) is { } datesError)
        {
            violations.Add(datesError.Field, datesError.Error);
        }

        var notes = Check(Clients.ClientRules.Text(input.Notes, PolicyRules.MaxNotesLength), "notes");
        if (!violations.IsEmpty)
        {
            return null;
        }

        return new PolicyValues
        {
            PolicyNumber = number!,
            Carrier = carrier!,
            LineOfBusiness = line!.Value,
            Status = status!.Value,
            PremiumMinor = input.PremiumMinor,
            Currency = currency!,
            EffectiveOn = effective,
            ExpiresOn = expires,
            EndedOn = ended,
            Notes = notes,
        };
    }
}
