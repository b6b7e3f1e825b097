using AgentCalls.Transcription.Service.Agents;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.ServiceDefaults.Data;
using AgentCalls.ServiceDefaults.Eventing;
using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Usage;

namespace AgentCalls.Transcription.Service.Hosting;

public static class ApplicationServicesExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<TranscriptionDbContext>("transcriptiondb", TranscriptionDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddEventing<TranscriptionDbContext>()
            .Subscribe<AgentDeleted, AgentDeletedHandler>();
        builder.AddAgentAuthentication();
        builder.AddGrpcApi();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<UsageReport>();
        return builder;
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealth();
        app.MapGrpcService<TranscriptionGrpcService>().RequireAuthorization();
        return app;
    }
}
