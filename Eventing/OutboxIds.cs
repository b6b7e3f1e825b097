namespace AgentCalls.Eventing;

/// <summary>
/// Outbox ids: version 7 UUIDs that strictly increase within the process, so that ordering the outbox by id
/// (as the relay does) is the order in which the events were added. <see cref="Guid.CreateVersion7()"/> alone
/// orders only by millisecond; its remaining bits are random, so two events added in the same millisecond
/// (say, in one transaction) would come out in either order.
/// </summary>
internal static class OutboxIds
{
    private static readonly Lock Gate = new();
    private static Guid last;

    public static Guid Next()
    {
        var id = Guid.CreateVersion7();
        lock (Gate)
        {
            // Guid.CompareTo orders as Postgres orders uuid: byte by byte in the written (big-endian) form.
            last = id.CompareTo(last) > 0 ? id : Successor(last);
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
