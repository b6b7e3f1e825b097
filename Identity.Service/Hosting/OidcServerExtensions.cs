using AgentCalls.Identity.Service.Data;
using AgentCalls.Identity.Service.Registrations;
using AgentCalls.Identity.Service.SigningKeys;
using AgentCalls.ServiceDefaults.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.Hosting;

public static class OidcServerExtensions
{
    /// <summary>
    /// The OpenID Connect server: authorization code with PKCE, short-lived JWT access tokens for the
    /// AgentCalls API audience, rotating refresh tokens, with keys from <see cref="ServerKeyRing"/>.
    /// Its own API (GetMe) validates those tokens in-process.
    /// </summary>
    public static WebApplicationBuilder AddOidcServer(this WebApplicationBuilder builder)
    {
        var issuer = builder.Configuration.GetValue<Uri>($"{AuthOptions.SectionName}:{nameof(AuthOptions.Issuer)}") ?? new AuthOptions().Issuer;
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, ClientRegistrations.ApiScope, ClientRegistrations.GoogleTokensScope,
                    ClientRegistrations.TranscriptionStreamScope);
                // Services validate access tokens themselves from the published keys: signed JWTs, not encrypted ones.
                server.DisableAccessTokenEncryption();

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
                if (issuer.Scheme == Uri.UriSchemeHttp)
                {
                    // Local runs have no TLS; deployments set an https issuer and keep the requirement.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(AuthOptions.ApiAudience);
                validation.UseAspNetCore();
            });

        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddHostedService<ServerKeyProvisioner>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeyOptionsSetup>();
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<IdentityOptions>>((server, identity) =>
        {
            server.AccessTokenLifetime = identity.Value.AccessTokenLifetime;
            server.RefreshTokenLifetime = identity.Value.RefreshTokenLifetime;
        });
        builder.Services.AddHostedService<ClientRegistrationSeeder>();

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        return builder;
    }
}
