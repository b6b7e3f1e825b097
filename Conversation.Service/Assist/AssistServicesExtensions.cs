using AgentCalls.Conversation.Service.Assist.Cards;
using AgentCalls.Conversation.Service.Assist.Intents;
using AgentCalls.Conversation.Service.Assist.Playbooks;
using AgentCalls.Conversation.Service.Calls;

namespace AgentCalls.Conversation.Service.Assist;

public static class AssistServicesExtensions
{
    /// <summary>The offline assistant on live calls (cards, answers, proposals from speech) and the playbook API; needs <c>AddAi</c> and <c>AddDocuments</c>.</summary>
    public static WebApplicationBuilder AddAssist(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AssistOptions>().BindConfiguration(AssistOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PhraseVectors>();
        builder.Services.AddSingleton<MeaningMatch>();
        builder.Services.AddSingleton<CardMatcher>();
        builder.Services.AddSingleton<SpeechProposals>();
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
