using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Assist;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Calls;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Conversation.Service.Documents;
using AgentCalls.Conversation.Service.Agents;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.Eventing.Database;
using AgentCalls.Eventing;
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

        builder.AddDocuments();
        builder.AddServiceClients();
        builder.Services.AddScoped<CallLogListing>();
        builder.Services.AddScoped<CallLogEditor>();
        builder.AddCalls();
        builder.AddAssist();
        return builder;
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseTranscodingFieldErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealth();
        app.MapGrpcService<ConversationGrpcService>().RequireAuthorization();
        app.MapGrpcService<DocumentsGrpcService>().RequireAuthorization();
        app.MapDocumentUpload();
        app.MapGrpcService<CallsGrpcService>().RequireAuthorization();
        app.MapLiveCall();
        app.MapAssist();
        return app;
    }

    /// <summary>gRPC clients for the services a call reads from and acts through, as the agent.</summary>
    private static WebApplicationBuilder AddServiceClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcClient<Contracts.Clients.V1.Clients.ClientsClient>(grpc => grpc.Address = new Uri("http://_grpc.clients"))
            .EnableCallContextPropagation(propagation => propagation.SuppressContextNotFoundErrors = true);
        builder.Services.AddGrpcClient<Contracts.Calendar.V1.FreeSlots.FreeSlotsClient>(grpc => grpc.Address = new Uri("http://_grpc.calendar"))
            .EnableCallContextPropagation(propagation => propagation.SuppressContextNotFoundErrors = true);
        builder.Services.AddGrpcClient<Contracts.Calendar.V1.ScheduledCalls.ScheduledCallsClient>(grpc => grpc.Address = new Uri("http://_grpc.calendar"))
            .EnableCallContextPropagation(propagation => propagation.SuppressContextNotFoundErrors = true);
        // With the standard resilience handler, every call's stream broke after 30 s of silence (see AddStreamingGrpcClient).
        builder.Services.AddStreamingGrpcClient<Contracts.Transcription.V1.Transcription.TranscriptionClient>(new Uri("http://_grpc.transcription"));
        return builder;
    }

    private static WebApplicationBuilder AddCalls(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallsOptions>().BindConfiguration(CallsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The call's audio goes to Transcription with this service's own token, for the call's agent.
        builder.Services.AddServiceTokens<CallsOptions>(ServiceClients.ConversationClientId, ServiceClients.TranscriptionStreamScope, calls => calls.ServiceClientSecret);
        builder.Services.AddSingleton<CallSessions>();
        builder.Services.AddSingleton<CallStore>();
        builder.Services.AddSingleton<CallReader>();
        builder.Services.AddHostedService<CallSweeper>();
        builder.Services.AddSingleton<CallAudio>();
        builder.Services.AddSingleton<CallDraftWriter>();
        builder.Services.AddSingleton<CallCloser>();
        builder.Services.AddSingleton<LiveCallSocket>();
        builder.Services.AddScoped<CallStarter>();
        builder.Services.AddScoped<CallLogWriter>();
        builder.Services.AddScoped<ActionDesk>();
        builder.Services.AddScoped<ActionRunner>();
        return builder;
    }
}
