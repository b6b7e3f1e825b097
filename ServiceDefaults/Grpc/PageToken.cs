using System.Buffers.Text;
using System.Text.Json;

namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>
/// An opaque keyset cursor: the sort key and id of the last row of a page, so the next page starts
/// strictly after it and stays stable while rows are added.
/// </summary>
public sealed record PageToken<TKey>(TKey SortKey, Guid Id)
{
    // A token missing its sort key or id is not one this service wrote: refuse it rather than read it as defaults.
    private static readonly JsonSerializerOptions Json = new() { RespectRequiredConstructorParameters = true };

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, Json));

    /// <summary>Null for an empty token; a field violation (and null) for one this service did not write.</summary>
    public static PageToken<TKey>? Decode(string token, FieldViolations violations, string field = "pageToken")
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PageToken<TKey>>(Base64Url.DecodeFromChars(token), Json) is { SortKey: not null } decoded && decoded.Id != Guid.Empty
                ? decoded
                : throw new JsonException("incomplete token");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            violations.Add(field, "is not a page token from a previous response.");
            return null;
        }
    }
}
