using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CsCheck;

namespace AgentCalls.TestSupport.BadInput;

/// <summary>
/// How a property's generated cases are drawn. An ordinary run (CI's) draws the same cases every time, from seeds fixed
/// by the property's name, so its verdict changes only when the code does. <c>AGENTCALLS_EXPLORE=1</c> draws new cases
/// with CsCheck's shrinking, to look for failures on purpose (<c>scripts/explore-bad-input.sh</c>), and
/// <c>CsCheck_Seed</c> replays the one case a failure named. A seed that once failed is kept as an example test.
/// </summary>
public static class Cases
{
    public static bool Exploring => Environment.GetEnvironmentVariable("AGENTCALLS_EXPLORE") is "1" or "true";

    /// <summary>How many cases a property of <paramref name="count"/> draws in this run (one when a seed is replayed).</summary>
    public static int Drawn(int count) => Check.Seed is null ? count : 1;

    public static async Task CheckAsync<T>(this Gen<T> gen, string property, int count, Func<T, Task> assert, Func<T, string>? print = null)
    {
        if (Check.Seed is not null || Exploring)
        {
            await gen.SampleAsync(assert, iter: Check.Seed is null ? count : 1, threads: 1, print: print);
            return;
        }

        // Each property its own PCG stream, so adding a property or a case does not change another's cases.
        var stream = BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(property)));
        for (var i = 0UL; i < (ulong)count; i++)
        {
            await gen.SampleAsync(assert, seed: new PCG(stream, i).ToString(), iter: 1, threads: 1, print: print);
        }
    }
}
