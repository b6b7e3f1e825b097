using AgentCalls.Gateway.Bff;
using AgentCalls.Gateway.Security;
using AgentCalls.Gateway.Sessions;
using AgentCalls.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Gateway.Hosting;

public static class GatewayAuthenticationExtensions
{
    /// <summary>The scheme every route authenticates with: the session cookie, or a bearer token from an API client.</summary>
    public const string AgentScheme = "agent";
    public const string AgentPolicy = "agent";

    /// <summary>The session cookie's name in Development; elsewhere it carries the <c>__Host-</c> prefix.</summary>
    public const string SessionCookieName = "agentcalls.session";

    /// <summary>
    /// Browsers: an OpenID Connect client of Identity (code flow, PKCE) whose tokens stay in a server-side session
    /// behind an HttpOnly cookie. API clients: bearer tokens validated against Identity's published keys.
    /// </summary>
    public static WebApplicationBuilder AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        var issuer = builder.Configuration.GetValue<Uri>($"{AuthOptions.SectionName}:{nameof(AuthOptions.Issuer)}") ?? new AuthOptions().Issuer;
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Outside Development the browser reaches the gateway over https only: cookies are Secure always, and the session
        // cookie is a __Host- cookie (Secure, whole origin, no Domain), so no sibling subdomain can set or shadow it.
        var development = builder.Environment.IsDevelopment();
        var securePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        builder.Services.AddAuthentication(AgentScheme)
            .AddPolicyScheme(AgentScheme, "Session cookie or bearer token", scheme => scheme.ForwardDefaultSelector = http =>
                CachedBearerHandler.TokenOf(http.Request) is not null
                    ? CachedBearerHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, CachedBearerHandler>(CachedBearerHandler.SchemeName, CachedBearerHandler.Configure)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = development ? SessionCookieName : "__Host-" + SessionCookieName;
                cookie.Cookie.Path = "/";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = securePolicy;
                cookie.SlidingExpiration = true;
                // An API call without a session is answered 401, not redirected to a sign-in page.
                cookie.Events.OnRedirectToLogin = context => SetStatus(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => SetStatus(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddSingleton<ValidatedBearerTokens>();
        builder.Services.AddSingleton<SessionLifetime>();
        builder.Services.AddSingleton<RedisTicketStore>();
        builder.Services.AddSingleton<ITicketStore>(services => services.GetRequiredService<RedisTicketStore>());
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ITicketStore, IOptions<GatewayOptions>>((cookie, store, gateway) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = gateway.Value.SessionIdleTimeout;
            });

        builder.Services.AddOpenIddict()
            .AddClient(client =>
            {
                client.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                // State tokens are protected with Data Protection (key ring in Redis), so a sign-in started on one
                // gateway replica can finish on another; the ephemeral keys only satisfy OpenIddict's configuration.
                client.UseDataProtection();
                client.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // No database here: state tokens are not stored server-side. Identity redeems each code once,
                // and PKCE binds the code to this sign-in.
                client.DisableTokenStorage();
                client.SetRedirectionEndpointUris(BffEndpoints.CallbackPath.TrimStart('/'));
                var aspNetCore = client.UseAspNetCore().EnableRedirectionEndpointPassthrough().EnableErrorPassthrough();
                if (issuer.Scheme == Uri.UriSchemeHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                client.UseSystemNetHttpOnce();
            })
            .AddValidation(validation =>
            {
                validation.AddAudiences(AuthOptions.ApiAudience);
                validation.UseSystemNetHttpOnce();
                validation.UseAspNetCore();
            });
        builder.Services.AddOptions<OpenIddictClientAspNetCoreOptions>().Configure(aspNetCore =>
        {
            // The callback is same-origin (query response mode), so Lax suffices; SameSite=None would force
            // Secure and break sign-in over plain http (Development only).
            aspNetCore.CookieBuilder.SameSite = SameSiteMode.Lax;
            aspNetCore.CookieBuilder.SecurePolicy = securePolicy;
        });
        builder.Services.AddOptions<OpenIddictValidationOptions>()
            .Configure<IOptions<AuthOptions>>((validation, auth) => validation.Issuer = auth.Value.Issuer);
        builder.Services.AddOptions<OpenIddictClientOptions>()
            .Configure<IOptions<AuthOptions>, IOptions<GatewayOptions>>((client, auth, gateway) => client.Registrations.Add(new OpenIddictClientRegistration
            {
                Issuer = auth.Value.Issuer,
                ClientId = GatewayOptions.ClientId,
                ClientSecret = gateway.Value.ClientSecret,
                RedirectUri = new Uri(BffEndpoints.CallbackPath.TrimStart('/'), UriKind.Relative),
                Scopes = { Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, "api" },
            }));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AgentPolicy, policy => policy.AddAuthenticationSchemes(AgentScheme).RequireAuthenticatedUser().RequireClaim(Claims.Subject));
        builder.Services.AddScoped<SessionTokens>();
        return builder;
    }

    private static Task SetStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
