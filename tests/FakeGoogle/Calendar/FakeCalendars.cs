using System.Collections.Concurrent;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>Every account's calendar, the push channels watching them, and the throttling tests ask for.</summary>
public sealed class FakeCalendars(ChannelNotifier notifier, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, FakeCalendar> calendars = new();
    private readonly ConcurrentDictionary<string, FakeChannel> channels = new();
    private readonly Lock throttleGate = new();
    private Throttle? throttle;
    private long requests;

    public FakeCalendar For(string subject, string email) => calendars.GetOrAdd(subject, _ => new FakeCalendar(email));

    public FakeCalendar? Find(string subject) => calendars.GetValueOrDefault(subject);

    public string SubjectOf(FakeCalendar calendar) => calendars.First(c => ReferenceEquals(c.Value, calendar)).Key;

    /// <summary>How the Calendar API misbehaves on every request from now on (none by default).</summary>
    public CalendarFaults Faults { get; set; } = new(0, 0);

    /// <summary>Whether this request is one of those <see cref="Faults"/> fails.</summary>
    public bool TakeFault() => Faults.FailEvery > 0 && Interlocked.Increment(ref requests) % Faults.FailEvery == 0;

    /// <summary>The next <paramref name="count"/> Calendar API requests are refused with this status and Retry-After.</summary>
    public void ThrottleNext(Throttle next)
    {
        lock (throttleGate)
        {
            throttle = next;
        }
    }

    /// <summary>The refusal due to this request, if a test asked for one.</summary>
    public Throttle? TakeThrottle()
    {
        lock (throttleGate)
        {
            if (throttle is not { Count: > 0 } current)
            {
                return null;
            }

            throttle = current with { Count = current.Count - 1 };
            return current;
        }
    }

    public FakeChannel Watch(FakeChannel channel)
    {
        channels[channel.Id] = channel;
        notifier.Send(channel, "sync");
        return channel;
    }

    public bool Stop(string id, string resourceId) =>
        channels.TryGetValue(id, out var channel) && channel.ResourceId == resourceId && channels.TryRemove(id, out _);

    public IReadOnlyList<FakeChannel> Channels() => [.. channels.Values];

    /// <summary>Tells every live channel on the calendar that it changed; expired channels are dropped.</summary>
    public void Changed(string subject)
    {
        var now = time.GetUtcNow();
        foreach (var channel in channels.Values.Where(c => c.Subject == subject))
        {
            if (channel.Expiration <= now)
            {
                channels.TryRemove(channel.Id, out _);
                continue;
            }

            notifier.Send(channel, "exists");
        }
    }
}

/// <summary>A refusal to hand out: 429, or 403 with reason rateLimitExceeded, each with Retry-After.</summary>
/// <summary>The next <paramref name="Count"/> Calendar requests refused with <paramref name="Status"/>: a 403 with
/// <paramref name="Reason"/> (rateLimitExceeded, userRateLimitExceeded or quotaExceeded), and a Retry-After header only
/// when <paramref name="RetryAfterSeconds"/> is given, as Google leaves it out of many of its refusals.</summary>
/// <summary>Every <paramref name="FailEvery"/>th Calendar request fails with 503 backendError (no Retry-After), and every
/// one waits <paramref name="LatencyMilliseconds"/> first: a provider having a bad day, not one that is down.</summary>
public sealed record CalendarFaults(int FailEvery, int LatencyMilliseconds);

public sealed record Throttle(int Status, int? RetryAfterSeconds, int Count, string Reason = "rateLimitExceeded");

/// <summary>A push channel (events.watch): where Google posts, with which token, until when.</summary>
public sealed record FakeChannel(string Id, string ResourceId, string Subject, string Address, string? Token, DateTimeOffset Expiration)
{
    public int MessageNumber { get; set; }
}
