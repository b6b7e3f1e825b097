using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    /// <summary>An unsafe request as the web app sends it: JSON body, X-CSRF header.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body), Headers = { { "X-CSRF", "1" } } };
        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public void Dispose() => Http.Dispose();
}
