using AgentCalls.Conversation.Service.Assist.Cards;
using AgentCalls.Conversation.Service.Assist.Intents;
using AgentCalls.Conversation.Service.Assist.Model;
using AgentCalls.Conversation.Service.Assist.Playbooks;
using AgentCalls.Conversation.Service.Calls;

namespace AgentCalls.Conversation.Service.Assist;

public static class AssistServicesExtensions
{
    /// <summary>The assistant on live calls (model suggestions and tool calls where configured, else cards and proposals from speech; answers) and the playbook API; needs <c>AddAi</c> and <c>AddDocuments</c>.</summary>
    public static WebApplicationBuilder AddAssist(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AssistOptions>().BindConfiguration(AssistOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PhraseVectors>();
        builder.Services.AddSingleton<MeaningMatch>();
        builder.Services.AddSingleton<CardMatcher>();
        builder.Services.AddSingleton<SpeechProposals>();
        builder.Services.AddSingleton<CallBriefs>();
        builder.Services.AddSingleton<LiveSuggester>();
        builder.Services.AddSingleton<ModelActions>();
        builder.Services.AddSingleton<ICallListener, CallAssistant>();
        builder.Services.AddScoped<PlaybookLibrary>();
        return builder;
    }

    public static WebApplication MapAssist(this WebApplication app)
    {
        app.MapGrpcService<PlaybooksGrpcService>().RequireAuthorization();
        return app;
    }
}
