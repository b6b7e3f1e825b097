using AgentCalls.Conversation.Service.Answers;

namespace AgentCalls.Conversation.Service.Documents;

public static class DocumentsServicesExtensions
{
    /// <summary>Documents (upload, list, open, delete), hybrid search and AskDocuments; needs <c>AddAi</c>.</summary>
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DocumentsOptions>().BindConfiguration(DocumentsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AnswersOptions>().BindConfiguration(AnswersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PassageVectorIndex>();
        builder.Services.AddScoped<DocumentIngestion>();
        builder.Services.AddScoped<DocumentLibrary>();
        builder.Services.AddScoped<PassageSearch>();
        builder.Services.AddScoped<DocumentAnswerer>();
        builder.Services.AddHostedService<PassageReembedder>();
        return builder;
    }
}
