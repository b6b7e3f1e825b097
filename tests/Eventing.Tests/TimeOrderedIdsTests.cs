using System.Buffers.Binary;

namespace AgentCalls.Eventing.Tests;

public sealed class TimeOrderedIdsTests
{
    [Fact]
    public void Next_ManyIdsInAFewMilliseconds_IncreaseStrictlyInPostgresOrderAndStayVersion7()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = Enumerable.Range(0, 20_000).Select(_ => TimeOrderedIds.Next()).ToList();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // Postgres orders uuid byte by byte in the written (big-endian) form.
        Assert.All(ids.Zip(ids.Skip(1)), pair => Assert.True(Bytes(pair.First).SequenceCompareTo(Bytes(pair.Second)) < 0, $"{pair.First} then {pair.Second}"));
        Assert.All(ids, id =>
        {
            Assert.Equal(7, id.Version);
            Assert.InRange(id.Variant, 8, 11);
            Assert.InRange(Milliseconds(id), before, after);
        });
        // Far more ids than milliseconds passed, so most were counted up within one.
        Assert.True(ids.Select(Milliseconds).Distinct().Count() < ids.Count / 2);
    }

    [Fact]
    public void Next_FromManyThreadsAtOnce_NeverRepeats()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                ids.Add(TimeOrderedIds.Next());
            }
        });

        Assert.Equal(40_000, ids.Distinct().Count());
    }

    private static byte[] Bytes(Guid id) => id.ToByteArray(bigEndian: true);

    private static long Milliseconds(Guid id) => (long)(BinaryPrimitives.ReadUInt64BigEndian(Bytes(id)) >> 16);
}
