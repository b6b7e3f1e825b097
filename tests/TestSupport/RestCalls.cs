using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AgentCalls.TestSupport;

/// <summary>Calls a service's REST face (gRPC JSON transcoding) as the gateway does: a bearer token, JSON back.</summary>
public static class RestCalls
{
    public static Task<RestResponse> GetJsonAsync(this HttpClient rest, string pathAndQuery, SignedInAgent? agent, CancellationToken cancellationToken) =>
        rest.SendJsonAsync(HttpMethod.Get, pathAndQuery, body: null, agent, cancellationToken);

    /// <summary>Sends <paramref name="body"/> (when not null) as JSON.</summary>
    public static async Task<RestResponse> SendJsonAsync(
        this HttpClient rest, HttpMethod method, string pathAndQuery, object? body, SignedInAgent? agent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery)
        {
            Content = body is null ? null : JsonContent.Create(body),
            Version = rest.DefaultRequestVersion,
            VersionPolicy = rest.DefaultVersionPolicy,
        };
        if (agent is not null)
        {
            request.Headers.Authorization = new("Bearer", agent.AccessToken);
        }

        using var response = await rest.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        return new RestResponse(response.StatusCode, answer.Length == 0 ? default : JsonDocument.Parse(answer).RootElement.Clone());
    }
}

/// <summary>A REST answer: its status and its JSON body (undefined when empty).</summary>
public sealed record RestResponse(HttpStatusCode StatusCode, JsonElement Body)
{
    /// <summary>The fields named by the <c>google.rpc.BadRequest</c> details of an error body, in order.</summary>
    public string[] ViolatedFields() =>
        Body.ValueKind != JsonValueKind.Object || !Body.TryGetProperty("details", out var details)
            ? []
            : [.. details.EnumerateArray()
                .Where(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
                .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
                .Select(v => v.GetProperty("field").GetString()!)];
}
