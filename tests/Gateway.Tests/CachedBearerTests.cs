using System.Security.Claims;
using System.Text.Encodings.Web;
using AgentCalls.Gateway.Hosting;
using AgentCalls.Gateway.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace AgentCalls.Gateway.Tests;

/// <summary>
/// The gateway's bearer scheme: a token that passed OpenIddict's validation is taken from memory for a while, never
/// past its expiry; a token that failed, or another string, is validated every time.
/// </summary>
public sealed class CachedBearerTests : IDisposable
{
    private const string GoodToken = "header.good-payload.signature";

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private readonly GatewayOptions options = new() { ValidatedTokenCacheDuration = TimeSpan.FromMinutes(1) };
    private readonly ServiceProvider services;

    public CachedBearerTests()
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton(Options.Create(options));
        collection.AddSingleton<ValidatedBearerTokens>();
        collection.AddSingleton<ValidationCount>();
        collection.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, CachedBearerHandler>(CachedBearerHandler.SchemeName, CachedBearerHandler.Configure)
            .AddScheme<AuthenticationSchemeOptions, FakeOpenIddictValidation>(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, _ => { });
        services = collection.BuildServiceProvider();
    }

    private int Validations => services.GetRequiredService<ValidationCount>().Count;

    [Fact]
    public async Task SameToken_Twice_IsValidatedOnce_AndEachRequestGetsItsOwnPrincipal()
    {
        var first = await AuthenticateAsync(GoodToken);
        var second = await AuthenticateAsync(GoodToken);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(1, Validations);
        Assert.Equal("agent-1", second.Principal!.FindFirst("sub")?.Value);
        Assert.NotSame(first.Principal, second.Principal);
    }

    [Fact]
    public async Task FailedToken_IsValidatedEveryTime_AndNeverSucceeds()
    {
        Assert.False((await AuthenticateAsync("header.forged.signature")).Succeeded);
        Assert.False((await AuthenticateAsync("header.forged.signature")).Succeeded);

        Assert.Equal(2, Validations);
    }

    [Fact]
    public async Task ValidatedToken_AfterTheCacheDuration_IsValidatedAgain()
    {
        await AuthenticateAsync(GoodToken);
        time.Advance(TimeSpan.FromSeconds(59));
        await AuthenticateAsync(GoodToken);
        time.Advance(TimeSpan.FromSeconds(2));
        await AuthenticateAsync(GoodToken);

        Assert.Equal(2, Validations);
    }

    [Fact]
    public async Task TokenExpiringSooner_IsNotTakenFromMemoryPastItsExpiry()
    {
        services.GetRequiredService<ValidationCount>().Expires = Start.AddSeconds(30);
        await AuthenticateAsync(GoodToken);
        time.Advance(TimeSpan.FromSeconds(31));

        Assert.False((await AuthenticateAsync(GoodToken)).Succeeded);
        Assert.Equal(2, Validations);
    }

    [Fact]
    public async Task ZeroDuration_ValidatesEveryRequest()
    {
        options.ValidatedTokenCacheDuration = TimeSpan.Zero;

        await AuthenticateAsync(GoodToken);
        await AuthenticateAsync(GoodToken);

        Assert.Equal(2, Validations);
    }

    [Fact]
    public async Task RequestWithoutBearerToken_HasNoResult_AndIsNotValidated()
    {
        var result = await AuthenticateAsync(null);

        Assert.True(result.None);
        Assert.Equal(0, Validations);
    }

    public void Dispose() => services.Dispose();

    private async Task<AuthenticateResult> AuthenticateAsync(string? token)
    {
        using var scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (token is not null)
        {
            http.Request.Headers.Authorization = $"Bearer {token}";
        }

        return await http.AuthenticateAsync(CachedBearerHandler.SchemeName);
    }

    /// <summary>How often the fake validated, and when its good token expires.</summary>
    private sealed class ValidationCount
    {
        public int Count;

        public DateTimeOffset Expires = Start.AddHours(1);
    }

    /// <summary>Stands in for OpenIddict's validation: the good token passes until it expires, anything else fails.</summary>
    private sealed class FakeOpenIddictValidation(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ValidationCount count, TimeProvider time)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            Interlocked.Increment(ref count.Count);
            var expires = count.Expires;
            if (Request.Headers.Authorization.ToString() != $"Bearer {GoodToken}" || time.GetUtcNow() >= expires)
            {
                return Task.FromResult(AuthenticateResult.Fail("invalid_token"));
            }

            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "agent-1")], Scheme.Name));
            principal.SetExpirationDate(expires);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
        }
    }
}
