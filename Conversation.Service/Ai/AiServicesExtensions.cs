using System.ClientModel;
using System.ClientModel.Primitives;
using AgentCalls.ServiceDefaults;
using AgentCalls.ServiceDefaults.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace AgentCalls.Conversation.Service.Ai;

public static class AiServicesExtensions
{
    /// <summary>
    /// The local embedding model as <see cref="ITextEmbedder"/>; the model documents are embedded with as
    /// <see cref="DocumentEmbedder"/> (the <c>Embeddings</c> endpoint where configured, else the local one); and one keyed <see cref="IChatClient"/> per configured
    /// role (<see cref="LlmRole"/>): the per-agent limit, then redaction, then the role's output-token limit, then OpenTelemetry, then a check that streams end with a finish reason, then the OpenAI-compatible
    /// client on an HttpClient whose only resilience is the role's own (429 Retry-After, 5xx, timeouts, bounded retries).
    /// </summary>
    public static WebApplicationBuilder AddAi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ITextEmbedder, ArcticTextEmbedder>();
        builder.Services.AddOptions<EmbeddingsOptions>().BindConfiguration(EmbeddingsOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Endpoint is null || o.Model.Length > 0, "Embeddings:Endpoint needs Embeddings:Model.")
            .Validate(o => o.ReembedCheckInterval > TimeSpan.Zero, "Embeddings:ReembedCheckInterval must be longer than zero.")
            .Validate(o => NestedOptions.AreValid(o.Circuit), "Embeddings:Circuit has a setting out of its range.")
            .ValidateOnStart();
        if (builder.Configuration.GetSection(EmbeddingsOptions.Section).Get<EmbeddingsOptions>()?.Endpoint is not null)
        {
            AddEmbeddingsEndpoint(builder.Services);
        }

        builder.Services.AddSingleton<DocumentEmbedder>();
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Roles.Values.All(r => r.Endpoint is null || r.Model.Length > 0), "Every configured Llm:Roles:<role> needs a Model.")
            .Validate(o => o.Roles.Values.All(r => NestedOptions.AreValid(r, r.Circuit)), "An Llm:Roles:<role> setting (or its Circuit) is out of its range.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LlmCallLimiter>();
        builder.Services.AddSingleton(TimeProvider.System);

        var configured = builder.Configuration.GetSection(LlmOptions.Section).Get<LlmOptions>()?.Roles ?? [];
        foreach (var role in LlmRole.All)
        {
            if (configured.GetValueOrDefault(role)?.Endpoint is not null)
            {
                AddRole(builder.Services, role);
            }
        }

        return builder;
    }

    private static void AddRole(IServiceCollection services, string role)
    {
        var httpClientName = $"llm-{role}";
        services.AddProviderHttpClient(httpClientName, provider =>
        {
            var options = RoleOptions(provider, role);
            return new ProviderRetries(options.MaxRetries, options.MaxRetryDelay, options.Timeout, options.Circuit);
        });

        services.AddKeyedChatClient(role, provider =>
            {
                var options = RoleOptions(provider, role);
                return Client(provider, httpClientName, options.Endpoint!, options.ApiKey).GetChatClient(options.Model).AsIChatClient();
            })
            .Use((inner, provider) => new AgentLimitedChatClient(inner, provider.GetRequiredService<LlmCallLimiter>()))
            .Use(inner => new RedactingChatClient(inner))
            .Use((inner, provider) => new ConfigureOptionsChatClient(inner, chat => chat.MaxOutputTokens ??= RoleOptions(provider, role).MaxOutputTokens))
            .UseOpenTelemetry(configure: telemetry => telemetry.EnableSensitiveData = false)
            .Use(inner => new CutStreamDetectingChatClient(inner));
    }

    private static void AddEmbeddingsEndpoint(IServiceCollection services)
    {
        const string httpClientName = "embeddings";
        services.AddProviderHttpClient(httpClientName, provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmbeddingsOptions>>().Value;
            return new ProviderRetries(options.MaxRetries, options.MaxRetryDelay, options.Timeout, options.Circuit);
        });

        services.AddEmbeddingGenerator(provider =>
            {
                var options = provider.GetRequiredService<IOptions<EmbeddingsOptions>>().Value;
                return Client(provider, httpClientName, options.Endpoint!, options.ApiKey).GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(options.Dimensions);
            })
            .UseOpenTelemetry(configure: telemetry => telemetry.EnableSensitiveData = false);
    }

    /// <summary>An OpenAI-compatible client on the named HttpClient, whose resilience handler is the only retry policy (it honours Retry-After within its bounds).</summary>
    private static OpenAIClient Client(IServiceProvider provider, string httpClientName, Uri endpoint, string apiKey) =>
        new(new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        });

    private static LlmRoleOptions RoleOptions(IServiceProvider provider, string role) =>
        provider.GetRequiredService<IOptions<LlmOptions>>().Value.Roles[role];
}
