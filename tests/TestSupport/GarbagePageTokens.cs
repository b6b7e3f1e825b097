using System.Buffers.Text;
using System.Text;
using Xunit;

namespace AgentCalls.TestSupport;

/// <summary>Page tokens no list method wrote, for the theories that check each is refused as a field violation.</summary>
public static class GarbagePageTokens
{
    public static TheoryData<string> All =>
    [
        "not-a-token",
        "***",
        Base64Url.EncodeToString([0xff, 0xfe, 0x00]),
        Encode("null"),
        Encode("[1,2]"),
        Encode("""{"SortKey":42,"Id":"not-a-guid"}"""),
        Encode("{}"),
        Encode("""{"SortKey":null,"Id":"0198a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d"}"""),
        Encode("""{"SortKey":"2026-01-01T00:00:00Z"}"""),
        Encode("""{"Id":"0198a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d"}"""),
    ];

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
