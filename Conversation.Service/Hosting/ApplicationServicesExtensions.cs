using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Conversation.Service.Documents;
using AgentCalls.Conversation.Service.Agents;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.ServiceDefaults.Data;
using AgentCalls.ServiceDefaults.Eventing;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Conversation.Service.Hosting;

public static class ApplicationServicesExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ConversationDbContext>("conversationdb", ConversationDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddEventing<ConversationDbContext>()
            .Subscribe<AgentDeleted, AgentDeletedHandler>();
        builder.AddAgentAuthentication();
        builder.AddGrpcApi();
        builder.AddAi();

        builder.Services.AddScoped<CallLogListing>();
        builder.AddDocuments();
        return builder;
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealth();
        app.MapGrpcService<ConversationGrpcService>().RequireAuthorization();
        app.MapGrpcService<DocumentsGrpcService>().RequireAuthorization();
        app.MapDocumentUpload();
        return app;
    }
}
