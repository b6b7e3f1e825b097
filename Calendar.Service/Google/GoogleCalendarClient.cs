using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace AgentCalls.Calendar.Service.Google;

/// <summary>
/// Google Calendar's v3 REST API, for one access token per call: events (list, insert, patch, delete),
/// and push channels (watch, stop). The base address comes from configuration; against the fake in tests,
/// nothing else differs. Failures throw <see cref="GoogleApiException"/> after the resilience handler's retries.
/// </summary>
public sealed class GoogleCalendarClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>One page of events.list: a full sync's (window, singleEvents) or an incremental one's (syncToken).</summary>
    public Task<GoogleEventPage> ListAsync(string accessToken, string calendarId, GoogleListQuery query, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["singleEvents"] = "true",
            ["maxResults"] = query.MaxResults.ToString(CultureInfo.InvariantCulture),
            ["pageToken"] = query.PageToken,
            ["syncToken"] = query.SyncToken,
        };
        if (query.SyncToken is null)
        {
            parameters["timeMin"] = query.TimeMin?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            parameters["timeMax"] = query.TimeMax?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        var path = QueryHelpers.AddQueryString(EventsPath(calendarId), parameters.Where(p => p.Value is not null));
        return SendAsync<GoogleEventPage>(HttpMethod.Get, path, accessToken, null, cancellationToken);
    }

    public Task<GoogleEventResource> InsertAsync(string accessToken, string calendarId, GoogleEventResource resource, CancellationToken cancellationToken) =>
        SendAsync<GoogleEventResource>(HttpMethod.Post, EventsPath(calendarId), accessToken, resource, cancellationToken);

    public Task<GoogleEventResource> PatchAsync(string accessToken, string calendarId, string eventId, GoogleEventResource patch, CancellationToken cancellationToken) =>
        SendAsync<GoogleEventResource>(HttpMethod.Patch, $"{EventsPath(calendarId)}/{Uri.EscapeDataString(eventId)}", accessToken, patch, cancellationToken);

    public async Task DeleteAsync(string accessToken, string calendarId, string eventId, CancellationToken cancellationToken) =>
        await SendAsync<JsonElement?>(HttpMethod.Delete, $"{EventsPath(calendarId)}/{Uri.EscapeDataString(eventId)}", accessToken, null, cancellationToken);

    /// <summary>Opens a push channel: Google posts to <paramref name="address"/> with <paramref name="token"/> after every change.</summary>
    public Task<GoogleChannel> WatchAsync(string accessToken, string calendarId, string channelId, Uri address, string token, TimeSpan ttl, CancellationToken cancellationToken) =>
        SendAsync<GoogleChannel>(HttpMethod.Post, $"{EventsPath(calendarId)}/watch", accessToken, new
        {
            id = channelId,
            type = "web_hook",
            address = address.ToString(),
            token,
            @params = new { ttl = ((long)ttl.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
        }, cancellationToken);

    public async Task StopChannelAsync(string accessToken, string channelId, string resourceId, CancellationToken cancellationToken) =>
        await SendAsync<JsonElement?>(HttpMethod.Post, "calendar/v3/channels/stop", accessToken, new { id = channelId, resourceId }, cancellationToken);

    private static string EventsPath(string calendarId) => $"calendar/v3/calendars/{Uri.EscapeDataString(calendarId)}/events";

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string accessToken, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var (reason, message) = await GoogleErrorBody.ReadAsync(response, cancellationToken);
            throw new GoogleApiException(response.StatusCode, reason, message, GoogleErrorBody.RetryAfter(response));
        }

        return response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
            ? default!
            : (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }
}

/// <summary>What one events.list asks: the window (full sync) or the sync token (incremental), and the page.</summary>
public sealed record GoogleListQuery(int MaxResults, string? SyncToken = null, string? PageToken = null, DateTimeOffset? TimeMin = null, DateTimeOffset? TimeMax = null);
