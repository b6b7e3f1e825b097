using System.Net;
using System.Text.Json;
using AgentCalls.TestSupport;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>Clients and policies made through the gateway's REST API, as the web app's forms send them.</summary>
public static class GatewayBook
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A <c>google.type.Date</c> as JSON.</summary>
    public static object Date(DateOnly day) => new { year = day.Year, month = day.Month, day = day.Day };

    public static async Task<JsonElement> CreateClientAsync(BrowserSession browser, string name, string phone, CancellationToken cancellationToken)
    {
        var (status, client) = await browser.PostJsonAsync(
            "/api/clients", new { displayName = name, phones = new[] { new { number = phone, type = "PHONE_TYPE_MOBILE" } } }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return client;
    }

    /// <summary>An active auto policy that expires on <paramref name="expires"/>.</summary>
    public static async Task<JsonElement> CreatePolicyAsync(BrowserSession browser, string clientId, string number, DateOnly expires, CancellationToken cancellationToken)
    {
        var (status, policy) = await browser.PostJsonAsync($"/api/clients/{clientId}/policies", new
        {
            policyNumber = number,
            carrier = "Acme Mutual",
            lineOfBusiness = "LINE_OF_BUSINESS_AUTO",
            status = "POLICY_STATUS_ACTIVE",
            premiumMinor = "120000",
            currencyCode = "USD",
            effectiveDate = Date(expires.AddYears(-1)),
            expirationDate = Date(expires),
        }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return policy;
    }

    public static async Task<JsonElement> GetClientAsync(BrowserSession browser, string clientId, CancellationToken cancellationToken)
    {
        var (status, client) = await browser.GetJsonAsync($"/api/clients/{clientId}", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return client;
    }

    /// <summary>The ids of the clients in the agent's call queue, in rank order.</summary>
    public static async Task<JsonElement[]> CallQueueAsync(BrowserSession browser, CancellationToken cancellationToken)
    {
        var (status, queue) = await browser.GetJsonAsync("/api/clients/call-queue", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return queue.TryGetProperty("entries", out var entries) ? [.. entries.EnumerateArray()] : [];
    }

    /// <summary>Waits until Clients, told by Calendar's events, shows this next call for the client (none for null).</summary>
    public static Task NextCallIsAsync(BrowserSession browser, string clientId, DateTimeOffset? expected, CancellationToken cancellationToken) =>
        Eventually.IsTrueAsync(async () =>
        {
            var client = await GetClientAsync(browser, clientId, cancellationToken);
            DateTimeOffset? next = client.TryGetProperty("nextCallAt", out var at) && at.ValueKind == JsonValueKind.String ? GatewayCalendar.Time(client, "nextCallAt") : null;
            return next == expected;
        }, SystemUnderTest.BackgroundPatience, SystemUnderTest.PollInterval);

    public static string Id(this JsonElement client) => client.GetProperty("clientId").GetString()!;
}
