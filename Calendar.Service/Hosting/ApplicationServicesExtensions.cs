using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Events;
using AgentCalls.Calendar.Service.Agents;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.ServiceDefaults.Data;
using AgentCalls.ServiceDefaults.Eventing;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Calendar.Service.Hosting;

public static class ApplicationServicesExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<CalendarDbContext>("calendardb", CalendarDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddEventing<CalendarDbContext>()
            .Subscribe<AgentDeleted, AgentDeletedHandler>();
        builder.AddAgentAuthentication();
        builder.AddGrpcApi();

        builder.Services.AddScoped<EventListing>();
        return builder;
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealth();
        app.MapGrpcService<CalendarGrpcService>().RequireAuthorization();
        return app;
    }
}
