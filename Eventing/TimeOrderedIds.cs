namespace AgentCalls.Eventing;

/// <summary>
/// Version 7 UUIDs that strictly increase within the process (RFC 9562's monotonic random method), for rows that are
/// read back in the order they were made: outbox events, which the relay publishes by id, and a client's history,
/// which lists by time and then id. <see cref="Guid.CreateVersion7()"/> alone orders only by millisecond (its other
/// bits are random), and it asks the kernel for those bits on every call: a system call per id, which a CSV import
/// making several ids for each of a million rows felt. Here the random bits are drawn once per millisecond and
/// counted up within it. Not for secrets: the next id of a millisecond is the last one plus one.
/// </summary>
public static class TimeOrderedIds
{
    private static readonly Lock Gate = new();
    private static Guid last;
    private static long lastMilliseconds;

    public static Guid Next()
    {
        var now = DateTimeOffset.UtcNow;
        var milliseconds = now.ToUnixTimeMilliseconds();
        lock (Gate)
        {
            // A clock that stepped back keeps counting from the last id, so the order holds.
            last = milliseconds > lastMilliseconds ? Guid.CreateVersion7(now) : Successor(last);
            lastMilliseconds = Math.Max(lastMilliseconds, milliseconds);
            return last;
        }
    }

    /// <summary>The next id after <paramref name="id"/>: one more in its counter bits, keeping version and variant.</summary>
    private static Guid Successor(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            // Byte 6 carries the version in its high nibble, byte 8 the variant in its two high bits.
            var mask = i switch { 6 => 0x0F, 8 => 0x3F, _ => 0xFF };
            var counter = bytes[i] & mask;
            var kept = bytes[i] & ~mask;
            if (counter < mask)
            {
                bytes[i] = (byte)(kept | (counter + 1));
                break;
            }

            bytes[i] = (byte)kept;
        }

        return new Guid(bytes, bigEndian: true);
    }
}
