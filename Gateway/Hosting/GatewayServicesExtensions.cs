using System.Net;
using AgentCalls.Gateway.Bff;
using AgentCalls.Gateway.Proxy;
using AgentCalls.Gateway.Security;
using AgentCalls.Gateway.Sessions;
using AgentCalls.ServiceDefaults.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentCalls.Gateway.Hosting;

public static class GatewayServicesExtensions
{
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        RequireAllowedHosts(builder);
        var minimumRate = builder.Configuration.GetValue(GatewayOptions.MinRequestBodyBytesPerSecondKey, 8 * 1024.0);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MinRequestBodyDataRate = minimumRate > 0 ? new MinDataRate(minimumRate, TimeSpan.FromSeconds(10)) : null);
        builder.AddRedisClient("redis");

        // Sessions and sign-in state survive restarts and are shared by replicas: the key ring lives in Redis, beside the
        // sessions it encrypts, so outside Development it is itself encrypted with a certificate from configuration.
        builder.Services.AddDataProtection().SetApplicationName("AgentCalls.Gateway")
            .ProtectKeysAsConfigured(builder.Configuration, builder.Environment, "Gateway:DataProtection");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "gateway:data-protection-keys"));

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<GatewayOptions>>((forwarded, gateway) => TrustProxies(forwarded, gateway.Value.KnownProxies));
        builder.AddGatewayAuthentication();
        builder.Services.AddExceptionHandler<SessionStoreOutage>();
        // Account actions that end sessions too are the gateway's to run; it calls Identity for the agent.
        builder.Services.AddGrpcClient<AgentCalls.Contracts.Identity.V1.Identity.IdentityClient>(grpc => grpc.Address = new Uri("http://_grpc.identity"));
        builder.Services.AddAgentRateLimiting();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(ApiTransforms.Apply);
        return builder;
    }

    /// <summary>
    /// Outside Development the gateway answers only for the host names it is published under (<c>AllowedHosts</c>,
    /// e.g. <c>calls.example.com</c>): a forged Host header must not shape the addresses it writes (sign-in redirects,
    /// the issuer). The default <c>*</c> is for local runs.
    /// </summary>
    private static void RequireAllowedHosts(WebApplicationBuilder builder)
    {
        if (!AllowedHostsAreNamed(builder.Configuration["AllowedHosts"], builder.Environment.IsDevelopment()))
        {
            throw new InvalidOperationException("AllowedHosts must name the gateway's public host names (semicolon-separated) outside Development; it is '*' or empty.");
        }
    }

    public static bool AllowedHostsAreNamed(string? allowedHosts, bool development) =>
        development || (!string.IsNullOrWhiteSpace(allowedHosts) && allowedHosts.Split(';').All(host => host.Trim() is { Length: > 0 } and not "*"));

    /// <summary>
    /// The client's address and scheme as a known proxy in front forwarded them; with none configured, the defaults
    /// (loopback only). YARP then sets X-Forwarded-For for the services from that address, replacing what came in.
    /// </summary>
    public static void TrustProxies(ForwardedHeadersOptions forwarded, IReadOnlyCollection<string> knownProxies)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (knownProxies.Count == 0)
        {
            return;
        }

        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        foreach (var proxy in knownProxies)
        {
            if (proxy.Contains('/'))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
            else
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        }
    }

    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // Errors the gateway answers itself (401 without a session, 404 …) get problem details too.
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAntiforgeryHeader();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        app.MapBffEndpoints();
        app.MapAccountEndpoints();
        app.MapReverseProxy();
        return app;
    }
}
