using AgentCalls.Clients.Service.Policies;

namespace AgentCalls.Bench.Clients;

/// <summary>
/// Made-up clients and their policies, the same for the same seed: mostly active policies renewing over the next year,
/// some pending renewal, lapsed, cancelled or expired; most clients contacted at some time in the last 400 days, some
/// never, a few waiting for a callback or on do-not-call. That spread puts a real mix of reasons in the call queue.
/// </summary>
public sealed class FakeBook(int seed, string policyPrefix, DateTimeOffset now)
{
    private readonly Random random = new(seed);
    private readonly DateOnly today = DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>Clients 0 to <paramref name="clients"/> - 1 with <paramref name="policies"/> policies among them, spread evenly.</summary>
    public IEnumerable<FakeClient> Clients(int clients, int policies)
    {
        for (var i = 0; i < clients; i++)
        {
            var policyCount = (int)((long)(i + 1) * policies / clients - (long)i * policies / clients);
            yield return Client(i, policyCount);
        }
    }

    private FakeClient Client(int index, int policyCount)
    {
        var first = Pick(NameParts.FirstNames);
        var last = Pick(NameParts.LastNames);
        var place = Pick(NameParts.Places);
        // Unique per book: the index spread over the seven digits after the area code.
        var phone = $"+1{place.AreaCode}{2_000_000 + (index * 7_919L + seed) % 8_000_000}";
        var contacted = random.NextDouble() < 0.8 ? now.AddMinutes(-random.Next(60, 400 * 24 * 60)) : (DateTimeOffset?)null;
        return new FakeClient(
            Guid.CreateVersion7(),
            $"{first} {last}",
            $"{first}.{last}{index}@{Pick(NameParts.EmailDomains)}".ToLowerInvariant(),
            phone,
            place,
            today.AddDays(-random.Next(18 * 365, 85 * 365)),
            now.AddDays(-random.Next(30, 3 * 365)),
            contacted,
            random.NextDouble() < 0.01 ? now.AddDays(-random.Next(0, 14)) : null,
            random.NextDouble() < 0.02,
            [.. Enumerable.Range(0, policyCount).Select(k => Policy(index, k))]);
    }

    private FakePolicy Policy(int clientIndex, int k)
    {
        var line = Pick(Lines);
        var effective = today.AddDays(-random.Next(0, 365));
        var status = random.NextDouble() switch
        {
            < 0.75 => PolicyStatus.Active,
            < 0.80 => PolicyStatus.PendingRenewal,
            < 0.88 => PolicyStatus.Lapsed,
            < 0.93 => PolicyStatus.Cancelled,
            < 0.98 => PolicyStatus.Expired,
            _ => PolicyStatus.Quote,
        };
        var daysInForce = today.DayNumber - effective.DayNumber;
        var ended = status is PolicyStatus.Lapsed or PolicyStatus.Cancelled ? effective.AddDays(random.Next(0, daysInForce + 1)) : (DateOnly?)null;
        return new FakePolicy(
            $"{line.Code}-{policyPrefix}{clientIndex:D7}{k}",
            Pick(NameParts.Carriers),
            line.Line,
            status,
            random.Next(300, 5_000) * 100L + random.Next(0, 100),
            effective,
            effective.AddYears(1),
            ended);
    }

    private static readonly (LineOfBusiness Line, string Code)[] Lines =
        [(LineOfBusiness.Auto, "AU"), (LineOfBusiness.Home, "HO"), (LineOfBusiness.Renters, "RE"), (LineOfBusiness.Umbrella, "UM"), (LineOfBusiness.Life, "LI")];

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}

public sealed record FakeClient(
    Guid Id,
    string Name,
    string Email,
    string Phone,
    (string City, string Region, string Zip, string AreaCode) Place,
    DateOnly DateOfBirth,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastContactedAt,
    DateTimeOffset? CallbackRequestedAt,
    bool DoNotCall,
    FakePolicy[] Policies);

public sealed record FakePolicy(
    string Number, string Carrier, LineOfBusiness Line, PolicyStatus Status, long PremiumMinor, DateOnly EffectiveOn, DateOnly ExpiresOn, DateOnly? EndedOn);
