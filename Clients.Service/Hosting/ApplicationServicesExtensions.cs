using AgentCalls.Clients.Service.Agents;
using AgentCalls.Clients.Service.CallQueue;
using AgentCalls.Clients.Service.Calls;
using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.History;
using AgentCalls.Clients.Service.Households;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Conversation.V1;
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
            .Subscribe<AgentDeleted, AgentDeletedHandler>()
            .Subscribe<CallLogged, CallLoggedHandler>()
            .Subscribe<CallScheduled, ScheduledCallsHandler>()
            .Subscribe<CallRescheduled, ScheduledCallsHandler>()
            .Subscribe<CallCancelled, ScheduledCallsHandler>();
        builder.AddAgentAuthentication();
        builder.AddGrpcApi();

        builder.Services.AddScoped<BookSettingsStore>();
        builder.Services.AddScoped<BookSettingsEditor>();
        builder.Services.AddScoped<ClientSearch>();
        builder.Services.AddScoped<ClientReader>();
        builder.Services.AddScoped<ClientWriter>();
        builder.Services.AddScoped<ClientHistory>();
        builder.Services.AddScoped<PolicyReader>();
        builder.Services.AddScoped<PolicyWriter>();
        builder.Services.AddScoped<HouseholdBook>();
        builder.Services.AddScoped<CallQueueRanking>();
        return builder;
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealth();
        app.MapGrpcService<ClientsGrpcService>().RequireAuthorization();
        app.MapGrpcService<PoliciesGrpcService>().RequireAuthorization();
        app.MapGrpcService<HouseholdsGrpcService>().RequireAuthorization();
        app.MapGrpcService<CallQueueGrpcService>().RequireAuthorization();
        return app;
    }
}
