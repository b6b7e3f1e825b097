using System.Net.Http.Json;
using AgentCalls.FakeGoogle;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AgentCalls.TestSupport;

/// <summary>
/// The local fake of Google's OAuth and OpenID Connect endpoints, on a real port, and the control calls
/// tests use to play the account owner (sign in as, press Cancel, revoke access) and to read what arrived.
/// </summary>
public sealed class GoogleFake : IAsyncDisposable
{
    public const string ClientId = "agentcalls-test.apps.googleusercontent.com";
    public const string ClientSecret = "GOCSPX-test-secret";

    private readonly WebApplicationFactory<FakeGoogleState> factory;
    private readonly HttpClient control;

    private GoogleFake(WebApplicationFactory<FakeGoogleState> factory, Uri authority)
    {
        this.factory = factory;
        Authority = authority;
        control = new HttpClient { BaseAddress = authority };
        Calendar = new GoogleFakeCalendar(control);
    }

    /// <summary>The fake's Google Calendar (v3 API at the same address: Calendar:GoogleApiBaseUrl).</summary>
    public GoogleFakeCalendar Calendar { get; }

    /// <summary>The fake's issuer, in place of https://accounts.google.com/.</summary>
    public Uri Authority { get; }

    /// <summary>Starts the fake; <paramref name="settings"/> are host settings, such as quieter logging for a benchmark.</summary>
    public static GoogleFake Start(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePort.Next();
        var factory = new WebApplicationFactory<FakeGoogleState>().WithWebHostBuilder(host =>
        {
            host.UseUrls($"http://127.0.0.1:{port}");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                host.UseSetting(key, value);
            }
        });
        factory.UseKestrel(port);
        factory.StartServer();
        return new GoogleFake(factory, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The settings that point Identity at this fake; nothing else differs from real Google.</summary>
    public Dictionary<string, string?> IdentitySettings() => new()
    {
        ["Google:ClientId"] = ClientId,
        ["Google:ClientSecret"] = ClientSecret,
        ["Google:Authority"] = Authority.ToString(),
    };

    public Task RegisterClientAsync(params Uri[] redirectUris) =>
        PostAsync("__fake/clients", new FakeClient { ClientId = ClientId, ClientSecret = ClientSecret, RedirectUris = [.. redirectUris.Select(u => u.ToString())] });

    public async Task<FakeUser> AddUserAsync(string name)
    {
        var user = new FakeUser { Subject = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(), Email = $"{Guid.NewGuid():N}@gmail.test", Name = name };
        await PostAsync("__fake/users", user);
        return user;
    }

    public Task UpdateUserAsync(FakeUser user) => PostAsync("__fake/users", user);

    /// <summary>What the next authorization does: sign in as this account, press Cancel, or spoil the id_token.</summary>
    public Task NextAuthorizationAsync(NextAuthorization next) => PostAsync("__fake/next-authorization", next);

    /// <summary>The account owner removes AgentCalls' access in their Google account.</summary>
    public Task RevokeAccessAsync(FakeUser user) => PostAsync($"__fake/users/{user.Subject}/revoke-access", new { });

    public Task SetAccessTokenLifetimeAsync(TimeSpan lifetime) => PostAsync("__fake/access-token-lifetime", new { Seconds = (int)lifetime.TotalSeconds });

    /// <summary>The next <paramref name="count"/> requests to the token endpoint answer 500, as Google's does when it is down.</summary>
    public Task FailTokenRequestsAsync(int count) => PostAsync("__fake/token-failures", new { Count = count });

    public async Task<int> RequestCountAsync(string request) =>
        (await control.GetFromJsonAsync<Dictionary<string, int>>("__fake/requests"))!.GetValueOrDefault(request);

    public async Task<string[]> TokensIssuedToAsync(FakeUser user) =>
        (await control.GetFromJsonAsync<string[]>($"__fake/users/{user.Subject}/tokens"))!;

    public async ValueTask DisposeAsync()
    {
        control.Dispose();
        await factory.DisposeAsync();
    }

    private async Task PostAsync(string path, object body)
    {
        using var response = await control.PostAsJsonAsync(path, body, FakeJson.Options);
        response.EnsureSuccessStatusCode();
    }
}
