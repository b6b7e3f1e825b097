using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Agents;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.ServiceDefaults.Data;
using AgentCalls.ServiceDefaults.Eventing;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Clients.Service.Hosting;

public static class ApplicationServicesExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ClientsDbContext>("clientsdb", ClientsDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddEventing<ClientsDbContext>()
            .Subscribe<AgentDeleted, AgentDeletedHandler>();
        builder.AddAgentAuthentication();
        builder.AddGrpcApi();

        builder.Services.AddScoped<ClientListing>();
        return builder;
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealth();
        app.MapGrpcService<ClientsGrpcService>().RequireAuthorization();
        return app;
    }
}
