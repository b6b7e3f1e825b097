using AgentCalls.Identity.Service.GoogleAccounts;
using AgentCalls.Identity.Service.SigningKeys;
using AgentCalls.ServiceDefaults.Authentication;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.Hosting;

public static class GoogleClientExtensions
{
    /// <summary>The path Google sends the browser back to (under /auth), registered at Google as the redirect URI.</summary>
    public const string CallbackPath = "callback/google";

    /// <summary>
    /// Identity as an OpenID Connect client of Google (code flow with PKCE, state and nonce checked by OpenIddict),
    /// when a Google client is configured. The issuer comes from configuration, so tests can point it at a fake
    /// that behaves as Google does; nothing else differs.
    /// </summary>
    public static WebApplicationBuilder AddGoogleClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GoogleOptions>().BindConfiguration(GoogleOptions.SectionName);
        var google = builder.Configuration.GetSection(GoogleOptions.SectionName).Get<GoogleOptions>() ?? new GoogleOptions();
        if (!google.IsConfigured)
        {
            return builder;
        }

        builder.Services.AddOpenIddict().AddClient(client =>
        {
            client.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
            client.SetRedirectionEndpointUris(CallbackPath);
            var aspNetCore = client.UseAspNetCore().EnableRedirectionEndpointPassthrough().EnableErrorPassthrough();
            if (google.Authority.Scheme == Uri.UriSchemeHttp)
            {
                aspNetCore.DisableTransportSecurityRequirement();
            }

            client.UseSystemNetHttpOnce();
            client.AddRegistration(new OpenIddictClientRegistration
            {
                ProviderName = GoogleOptions.ProviderName,
                Issuer = google.Authority,
                ClientId = google.ClientId,
                ClientSecret = google.ClientSecret,
                RedirectUri = new Uri(CallbackPath, UriKind.Relative),
                Scopes = { Scopes.OpenId, Scopes.Email, Scopes.Profile },
            });
        });
        // Calendar waits on a token refresh inside its own 10-second attempt: Identity's calls to Google (its only
        // outbound HTTP) finish, retries included, within it, so a failing Google is not retried from both sides. An
        // attempt keeps 5 s: a first request to a cold or busy provider took more than 2.5 s in CI.
        builder.Services.ConfigureAll<HttpStandardResilienceOptions>(resilience =>
        {
            resilience.Retry.MaxRetryAttempts = 2;
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
            resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(9);
            resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictClientOptions>, ClientKeyOptionsSetup>();
        builder.Services.AddOptions<OpenIddictClientAspNetCoreOptions>().Configure(aspNetCore =>
        {
            // Google's redirect back is a top-level GET: Lax cookies travel with it, and Lax works over plain http.
            aspNetCore.CookieBuilder.SameSite = SameSiteMode.Lax;
            aspNetCore.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }
}
