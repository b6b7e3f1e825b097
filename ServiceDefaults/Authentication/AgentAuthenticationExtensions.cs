using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace AgentCalls.ServiceDefaults.Authentication;

public static class AgentAuthenticationExtensions
{
    /// <summary>
    /// Validates Identity's JWT access tokens (signature from the issuer's published keys, issuer, audience,
    /// lifetime) on every request, and makes the agent available as <see cref="CurrentAgent"/>.
    /// </summary>
    public static TBuilder AddAgentAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOpenIddict()
            .AddValidation(validation =>
            {
                validation.AddAudiences(AuthOptions.ApiAudience);
                validation.UseSystemNetHttpOnce();
                validation.UseAspNetCore();
            });
        builder.Services.AddOptions<OpenIddict.Validation.OpenIddictValidationOptions>()
            .Configure<IOptions<AuthOptions>>((validation, auth) => validation.Issuer = auth.Value.Issuer);

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorizationBuilder().AddAgentPolicies();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentAgent>();
        return builder;
    }
}
