using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>What a browser does against the gateway: keeps cookies, follows the sign-in, sends X-CSRF on writes.</summary>
public sealed class BrowserSession : IDisposable
{
    private readonly HttpClientHandler handler = new() { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };

    public BrowserSession(Uri gateway)
    {
        Gateway = gateway;
        Http = new HttpClient(handler) { BaseAddress = gateway };
    }

    public Uri Gateway { get; }

    public HttpClient Http { get; }

    public CookieCollection Cookies => handler.CookieContainer.GetAllCookies();

    public Guid AgentId { get; private set; }

    public async Task SignInAsync(string displayName, string email, CancellationToken cancellationToken, bool withGoogle = false)
    {
        var arrived = await FollowAsync(new Uri(Gateway, "/bff/login?returnUrl=%2Ftoday"), "/today", displayName, email, cancellationToken, withGoogle);
        if (arrived.AbsolutePath != "/today")
        {
            throw new InvalidOperationException($"Sign-in ended at {arrived}.");
        }

        using var me = await Http.GetAsync("/api/identity/me", cancellationToken);
        me.EnsureSuccessStatusCode();
        AgentId = Guid.Parse((await me.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("agentId").GetString()!);
    }

    /// <summary>Follows redirects (and the sign-in page) until the browser is back at <paramref name="path"/> on the gateway.</summary>
    public Task<Uri> FollowAsync(Uri start, string path, string displayName, string email, CancellationToken cancellationToken, bool withGoogle = false) =>
        DevelopmentSignIn.FollowAsync(
            Http, start, url => url.Host == Gateway.Host && url.Port == Gateway.Port && url.AbsolutePath == path, displayName, email, cancellationToken, withGoogle);

    /// <summary>The agent presses "Connect Google Calendar" and consents at Google (the fake), back on Settings.</summary>
    public async Task ConnectGoogleCalendarAsync(FakeUser user, CancellationToken cancellationToken)
    {
        var (_, link) = await PostJsonAsync("/api/identity/google:connect", new { returnPath = "/settings" }, cancellationToken);
        var arrived = await FollowAsync(new Uri(Gateway, link.GetProperty("authorizationUrl").GetString()), "/settings", user.Name, user.Email, cancellationToken);
        Assert.Contains("google=connected", arrived.Query);
    }

    /// <summary>An unsafe request as the web app sends it: JSON body, X-CSRF header.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(string path, object body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<(HttpStatusCode Status, JsonElement Body)> PutJsonAsync(string path, object body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Put, path, body, cancellationToken);

    public Task<(HttpStatusCode Status, JsonElement Body)> DeleteJsonAsync(string path, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Delete, path, body: null, cancellationToken);

    public Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(string path, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Get, path, body: null, cancellationToken);

    /// <summary>A request as the web app sends it (X-CSRF on every unsafe one); the JSON answer, undefined when empty.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("X-CSRF", "1");
        }

        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public void Dispose() => Http.Dispose();
}
