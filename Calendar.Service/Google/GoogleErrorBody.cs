using System.Net.Http.Json;
using System.Text.Json;

namespace AgentCalls.Calendar.Service.Google;

/// <summary>Reads Google's JSON error body: <c>{"error": {"code", "message", "errors": [{"reason"}]}}</c>.</summary>
public static class GoogleErrorBody
{
    public static async Task<(string? Reason, string Message)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var error = body.GetProperty("error");
            var reason = error.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0 && errors[0].TryGetProperty("reason", out var r) ? r.GetString() : null;
            return (reason, error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or NotSupportedException)
        {
            return (null, response.ReasonPhrase ?? "");
        }
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}
