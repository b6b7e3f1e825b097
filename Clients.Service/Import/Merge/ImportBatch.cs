using AgentCalls.Clients.Service.Import.Mapping;
using AgentCalls.Eventing;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// One batch of accepted rows, grouped into the clients they describe. Rows that share any key (AgentCalls id,
/// external id, e-mail, phone number or policy number) are one client: a client with three policies, or the same
/// row twice. Within a client the last non-empty value of each field wins; phones and tags are merged; a policy
/// number named twice is one policy.
/// </summary>
public sealed class ImportBatch
{
    private ImportBatch(List<StagedClient> clients, List<StagedPolicy> policies, int rows)
    {
        Clients = clients;
        Policies = policies;
        Rows = rows;
    }

    public List<StagedClient> Clients { get; }

    public List<StagedPolicy> Policies { get; }

    /// <summary>Accepted rows in the batch.</summary>
    public int Rows { get; }

    public static ImportBatch Group(IReadOnlyList<ImportRow> rows)
    {
        var parent = Enumerable.Range(0, rows.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var owners = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var key in Keys(rows[i]))
            {
                if (owners.TryGetValue(key, out var other))
                {
                    parent[Find(i)] = Find(other);
                }
                else
                {
                    owners[key] = i;
                }
            }
        }

        var clients = new List<StagedClient>();
        var policies = new Dictionary<string, StagedPolicy>();
        foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(Find).OrderBy(g => g.Min()))
        {
            var members = group.Order().Select(i => rows[i]).ToList();
            var client = StagedClient.Merge(clients.Count, members);
            clients.Add(client);
            foreach (var row in members.Where(r => r.Policy is not null))
            {
                policies[row.Policy!.PolicyNumber] = policies.TryGetValue(row.Policy.PolicyNumber, out var seen)
                    ? seen.With(row.Line, row.Policy)
                    : new StagedPolicy(client.GroupNo, TimeOrderedIds.Next(), row.Line, row.Policy);
            }
        }

        return new ImportBatch(clients, [.. policies.Values], rows.Count);
    }

    private static IEnumerable<string> Keys(ImportRow row)
    {
        if (row.ClientRef is { } id)
        {
            yield return $"ref:{id}";
        }

        if (row.ExternalId is { } external)
        {
            yield return $"ext:{external}";
        }

        if (row.Email is { } email)
        {
            yield return $"email:{email}";
        }

        foreach (var phone in row.Phones)
        {
            yield return $"phone:{phone.Number}";
        }

        if (row.Policy is { } policy)
        {
            yield return $"policy:{policy.PolicyNumber}";
        }
    }
}

/// <summary>One client of a batch: its rows' values merged, and every key any of them carries.</summary>
public sealed record StagedClient(int GroupNo, Guid NewId, ImportRow Values, string[] Emails, string[] PhoneNumbers, string[] PolicyNumbers)
{
    public static StagedClient Merge(int groupNo, List<ImportRow> rows)
    {
        var merged = new ImportRow { Line = rows[0].Line };
        foreach (var row in rows)
        {
            merged.ClientRef ??= row.ClientRef;
            merged.ExternalId ??= row.ExternalId;
            merged.DisplayName = row.DisplayName;
            merged.Email = row.Email ?? merged.Email;
            merged.AddressLine1 = row.AddressLine1 ?? merged.AddressLine1;
            merged.AddressLine2 = row.AddressLine2 ?? merged.AddressLine2;
            merged.City = row.City ?? merged.City;
            merged.Region = row.Region ?? merged.Region;
            merged.PostalCode = row.PostalCode ?? merged.PostalCode;
            merged.CountryCode = row.CountryCode ?? merged.CountryCode;
            merged.DateOfBirth = row.DateOfBirth ?? merged.DateOfBirth;
            merged.Household = row.Household ?? merged.Household;
            merged.ContactWindowStart = row.ContactWindowStart ?? merged.ContactWindowStart;
            merged.ContactWindowEnd = row.ContactWindowEnd ?? merged.ContactWindowEnd;
            merged.TimeZone = row.TimeZone ?? merged.TimeZone;
            merged.DoNotCall = row.DoNotCall ?? merged.DoNotCall;
            merged.DoNotCallReason = row.DoNotCallReason ?? merged.DoNotCallReason;
            merged.DoNotCallSince = row.DoNotCallSince ?? merged.DoNotCallSince;
            merged.RecordingConsent = row.RecordingConsent ?? merged.RecordingConsent;
            merged.Notes = row.Notes ?? merged.Notes;
            merged.LastContactedAt = row.LastContactedAt > merged.LastContactedAt || merged.LastContactedAt is null ? row.LastContactedAt ?? merged.LastContactedAt : merged.LastContactedAt;
            merged.LastOutcome = row.LastOutcome ?? merged.LastOutcome;
            merged.Phones.AddRange(row.Phones.Where(p => merged.Phones.All(m => m.Number != p.Number)));
            merged.Tags = [.. merged.Tags.Union(row.Tags)];
        }

        return new StagedClient(
            groupNo,
            TimeOrderedIds.Next(),
            merged,
            [.. rows.Select(r => r.Email).OfType<string>().Distinct()],
            [.. merged.Phones.Select(p => p.Number)],
            [.. rows.Select(r => r.Policy?.PolicyNumber).OfType<string>().Distinct()]);
    }
}

/// <summary>One policy of a batch, for the client of group <paramref name="GroupNo"/>; created, it gets <paramref name="NewId"/>.</summary>
public sealed record StagedPolicy(int GroupNo, Guid NewId, int Line, ImportPolicy Values)
{
    /// <summary>The same policy named again further down: its non-empty values win.</summary>
    public StagedPolicy With(int line, ImportPolicy later) => this with
    {
        Line = line,
        Values = new ImportPolicy
        {
            PolicyNumber = later.PolicyNumber,
            Carrier = later.Carrier ?? Values.Carrier,
            LineOfBusiness = later.LineOfBusiness ?? Values.LineOfBusiness,
            LineOfBusinessText = later.LineOfBusiness is null ? Values.LineOfBusinessText : later.LineOfBusinessText,
            Status = later.Status ?? Values.Status,
            StatusText = later.Status is null ? Values.StatusText : later.StatusText,
            PremiumMinor = later.PremiumMinor ?? Values.PremiumMinor,
            Currency = later.Currency ?? Values.Currency,
            EffectiveOn = later.EffectiveOn ?? Values.EffectiveOn,
            ExpiresOn = later.ExpiresOn ?? Values.ExpiresOn,
            EndedOn = later.EndedOn ?? Values.EndedOn,
            Notes = later.Notes ?? Values.Notes,
        },
    };
}
