using System.ClientModel;
using System.ClientModel.Primitives;
using AgentCalls.ServiceDefaults.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace AgentCalls.Conversation.Service.Ai;

public static class AiServicesExtensions
{
    /// <summary>
    /// The local embedding model as <see cref="ITextEmbedder"/>, and one keyed <see cref="IChatClient"/> per configured
    /// role (<see cref="LlmRole"/>): the per-agent limit, then redaction, then the role's output-token limit, then OpenTelemetry, then a check that streams end with a finish reason, then the OpenAI-compatible
    /// client on an HttpClient whose only resilience is the role's own (429 Retry-After, 5xx, timeouts, bounded retries).
    /// </summary>
    public static WebApplicationBuilder AddAi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ITextEmbedder, ArcticTextEmbedder>();
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Roles.Values.All(r => r.Endpoint is null || r.Model.Length > 0), "Every configured Llm:Roles:<role> needs a Model.")
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
            return new ProviderRetries(options.MaxRetries, options.MaxRetryDelay, options.Timeout);
        });

        services.AddKeyedChatClient(role, provider =>
            {
                var options = RoleOptions(provider, role);
                var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName);
                var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey), new OpenAIClientOptions
                {
                    Endpoint = options.Endpoint,
                    Transport = new HttpClientPipelineTransport(http),
                    // One retry policy, the role's, which honours Retry-After within its bounds.
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = Timeout.InfiniteTimeSpan,
                });
                return client.GetChatClient(options.Model).AsIChatClient();
            })
            .Use((inner, provider) => new AgentLimitedChatClient(inner, provider.GetRequiredService<LlmCallLimiter>()))
            .Use(inner => new RedactingChatClient(inner))
            .Use((inner, provider) => new ConfigureOptionsChatClient(inner, chat => chat.MaxOutputTokens ??= RoleOptions(provider, role).MaxOutputTokens))
            .UseOpenTelemetry(configure: telemetry => telemetry.EnableSensitiveData = false)
            .Use(inner => new CutStreamDetectingChatClient(inner));
    }

    private static LlmRoleOptions RoleOptions(IServiceProvider provider, string role) =>
        provider.GetRequiredService<IOptions<LlmOptions>>().Value.Roles[role];
}
