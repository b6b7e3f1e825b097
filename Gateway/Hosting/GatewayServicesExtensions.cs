using AgentCalls.Gateway.Bff;
using AgentCalls.Gateway.Proxy;
using AgentCalls.Gateway.Security;
using AgentCalls.Gateway.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
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
        builder.AddRedisClient("redis");

        // Sessions and sign-in state survive restarts and are shared by replicas: the key ring lives in Redis.
        builder.Services.AddDataProtection().SetApplicationName("AgentCalls.Gateway");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "gateway:data-protection-keys"));

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

    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
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
