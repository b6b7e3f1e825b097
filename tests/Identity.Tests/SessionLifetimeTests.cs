using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentCalls.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentCalls.Identity.Tests;

/// <summary>A sign-in lasts Identity:SessionLifetime (7 days by default): refresh tokens rotate within it, never past it.</summary>
public sealed class SessionLifetimeTests(IdentityHost identity) : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private IdentityServerInstance instance = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        instance = IdentityServerInstance.Start(
            await identity.Servers.CreateDatabaseAsync("identity_session"), identity.Servers.RedisConnectionString,
            services: services => services.AddSingleton<TimeProvider>(time));

    [Fact]
    public async Task Refresh_WithinTheSessionLifetime_Works_AndAfterIt_IsRefused()
    {
        var agent = await IdentityHost.SignInAsync(instance.Issuer, "Sam Sessions", cancellationToken: Cancel);

        time.Advance(TimeSpan.FromDays(6));
        var (withinStatus, within) = await RefreshAsync(agent.RefreshToken!);
        time.Advance(TimeSpan.FromDays(1));
        var (afterStatus, after) = await RefreshAsync(within.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.OK, withinStatus);
        Assert.Equal(HttpStatusCode.BadRequest, afterStatus);
        Assert.Equal("invalid_grant", after.GetProperty("error").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(instance.Issuer, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = IdentityHost.CliClientId,
            ["refresh_token"] = refreshToken,
        }), Cancel);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Cancel));
    }

    public ValueTask DisposeAsync() => instance.DisposeAsync();
}
