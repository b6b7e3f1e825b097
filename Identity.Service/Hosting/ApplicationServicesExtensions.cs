using AgentCalls.Identity.Service.Agents;
using AgentCalls.Identity.Service.Authorization;
using AgentCalls.Identity.Service.Data;
using AgentCalls.Identity.Service.GoogleAccounts;
using AgentCalls.Identity.Service.SignIn;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.Eventing.Database;
using AgentCalls.Eventing;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.AspNetCore.HttpOverrides;

namespace AgentCalls.Identity.Service.Hosting;

public static class ApplicationServicesExtensions
{
    /// <summary>Identity's pages and OpenID Connect endpoints live under this path, directly and through the gateway.</summary>
    public const string PathBase = "/auth";

    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<IdentityDbContext>("identitydb", IdentityDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddEventing<IdentityDbContext>();
        builder.AddIdentityDataProtection();

        builder.Services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddOidcServer();
        builder.AddGoogleClient();
        builder.Services.AddAuthentication().AddCookie(SignInCookie.Scheme, cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.ExpireTimeSpan = SignInCookie.Lifetime;
            cookie.SlidingExpiration = false;
            cookie.Cookie.Name = "agentcalls.signin";
            cookie.Cookie.Path = PathBase;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedProto;
            // Identity is reached only through the gateway or by services inside the deployment.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });
        builder.Services.AddAuthorizationBuilder().AddAgentPolicies();
        builder.Services.AddAntiforgery();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentAgent>();
        builder.Services.AddSingleton<SignInMethods>();
        builder.Services.AddSingleton<SessionLimit>();
        builder.Services.AddScoped<AgentDirectory>();
        builder.Services.AddScoped<AccountDeletion>();
        builder.Services.AddScoped<SessionRevocation>();
        builder.Services.AddScoped<GoogleTokenVault>();
        builder.Services.AddSingleton<GoogleConnectTickets>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<SignInMethodsLog>();
        builder.AddGrpcApi();
        return builder;
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        // Behind the gateway: the browser's scheme and host, so pages and discovery name public addresses.
        app.UseForwardedHeaders();
        app.UsePathBase(PathBase);
        app.UseApiOutsidePages();
        app.UseRouting();
        // After routing, which this pipeline places itself (behind the path base): it reads the endpoint.
        app.UseTranscodingFieldErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGrpcHealth();
        app.MapGrpcService<IdentityGrpcService>().RequireAuthorization();
        app.MapGrpcService<GoogleAccountGrpcService>().RequireAuthorization();
        // Calendar.Service's own token only; the method checks the caller (agent tokens are refused there).
        app.MapGrpcService<GoogleTokensGrpcService>().RequireAuthorization(AgentAuthorization.AnyCallerPolicy);
        app.MapAuthorizationEndpoints();
        var methods = app.Services.GetRequiredService<SignInMethods>();
        if (methods.DevelopmentSignIn)
        {
            app.MapDevelopmentSignIn();
        }

        if (methods.Google)
        {
            app.MapGoogleEndpoints();
        }

        return app;
    }
}
