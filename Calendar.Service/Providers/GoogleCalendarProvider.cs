using System.Net;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Calendar.Service.Google;

namespace AgentCalls.Calendar.Service.Providers;

/// <summary>
/// Calls on the agent's Google Calendar, with the Google token of the agent making the request. The event id is
/// chosen here (from the request id), so a retried insert meets 409 duplicate and takes the event already made:
/// one request, one event at Google, whatever is retried.
/// </summary>
public sealed class GoogleCalendarProvider(GoogleCalendarClient google, GoogleAccessTokens tokens) : ICalendarProvider
{
    public const string ProviderName = "google";

    public string Name => ProviderName;

    public async Task CreateAsync(string providerEventId, CallDraft draft, CancellationToken cancellationToken)
    {
        var resource = GoogleEventMapping.ToResource(draft);
        resource.Id = providerEventId;
        await tokens.WithCallerTokenAsync(async token =>
        {
            try
            {
                await google.InsertAsync(token, "primary", resource, cancellationToken);
            }
            catch (GoogleApiException e) when (e.Status == HttpStatusCode.Conflict)
            {
                // Made by an earlier try of the same request; it stands.
            }
        }, cancellationToken);
    }

    public async Task MoveAsync(CachedEvent call, DateTimeOffset start, DateTimeOffset end, string timeZone, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.WithCallerTokenAsync(token => google.PatchAsync(token, call.CalendarId, call.ProviderEventId!, new GoogleEventResource
            {
                Start = GoogleEventMapping.Time(start, timeZone),
                End = GoogleEventMapping.Time(end, timeZone),
            }, cancellationToken), cancellationToken);
        }
        catch (GoogleApiException e) when (e.IsGone)
        {
            throw new ProviderEventGoneException();
        }
    }

    public async Task DeleteAsync(CachedEvent call, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.WithCallerTokenAsync(token => google.DeleteAsync(token, call.CalendarId, call.ProviderEventId!, cancellationToken), cancellationToken);
        }
        catch (GoogleApiException e) when (e.IsGone)
        {
            // Deleted in Google Calendar already.
        }
    }
}
