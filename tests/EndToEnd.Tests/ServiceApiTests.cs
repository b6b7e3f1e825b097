using System.Net;
using System.Net.Http.Headers;
using AgentCalls.TestSupport;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>Each service's first RPC, over REST through the gateway, for a signed-in agent.</summary>
public sealed class ServiceApiTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryServicesFirstRpc_ForANewAgent_AnswersAnEmptyBook()
    {
        using var browser = await system.SignedInBrowserAsync("Mia Newcomer", Cancel);

        var clients = await browser.GetJsonAsync("/api/clients", Cancel);
        var events = await browser.GetJsonAsync("/api/calendar/events?startTime=2026-01-01T00:00:00Z&endTime=2026-12-31T00:00:00Z", Cancel);
        var callLogs = await browser.GetJsonAsync("/api/conversation/call-logs", Cancel);
        var usage = await browser.GetJsonAsync("/api/transcription/usage", Cancel);

        Assert.All(new[] { clients.Status, events.Status, callLogs.Status, usage.Status }, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Empty(clients.Body.GetProperty("clients").EnumerateArray());
        Assert.Empty(events.Body.GetProperty("events").EnumerateArray());
        Assert.Empty(callLogs.Body.GetProperty("callLogs").EnumerateArray());
        Assert.Equal(0, usage.Body.GetProperty("audioSeconds").GetDouble());
    }

    [Fact]
    public async Task BearerToken_FromAnApiClient_IsAcceptedWithoutACookie()
    {
        var agent = await IdentityHost.SignInAsync(new Uri(system.Gateway, "/auth/"), "Ned Scripted", cancellationToken: Cancel);
        using var http = new HttpClient { BaseAddress = system.Gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken);

        using var response = await http.GetAsync("/api/identity/me", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(agent.AgentId.ToString(), await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task BearerToken_Invalid_Is401()
    {
        using var http = new HttpClient { BaseAddress = system.Gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await http.GetAsync("/api/clients", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
