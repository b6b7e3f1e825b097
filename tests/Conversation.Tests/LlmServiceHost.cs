using AgentCalls.Conversation.Service.Ai;
using AgentCalls.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace AgentCalls.Conversation.Tests;

/// <summary>Conversation.Service with every LLM role but summarisation pointed at the fake OpenAI-compatible API.</summary>
public sealed class LlmServiceHost : ConversationServiceHost
{
    public const int CallsPerAgentPerMinute = 6;
    public const int MaxRetries = 2;

    public FakeOpenAi OpenAi { get; private set; } = null!;

    protected override async Task BeforeServiceStartsAsync()
    {
        await base.BeforeServiceStartsAsync();
        OpenAi = await FakeOpenAi.StartAsync();
    }

    protected override void ConfigureService(IWebHostBuilder host)
    {
        base.ConfigureService(host);
        host.UseSetting("Llm:CallsPerAgentPerMinute", CallsPerAgentPerMinute.ToString());
        foreach (var role in new[] { LlmRole.LiveConversation, LlmRole.Documentation, LlmRole.FunctionExecution })
        {
            host.UseSetting($"Llm:Roles:{role}:Endpoint", OpenAi.BaseUrl.ToString());
            host.UseSetting($"Llm:Roles:{role}:Model", $"fake-{role.ToLowerInvariant()}");
            host.UseSetting($"Llm:Roles:{role}:ApiKey", "sk-fake");
            host.UseSetting($"Llm:Roles:{role}:MaxRetries", MaxRetries.ToString());
            host.UseSetting($"Llm:Roles:{role}:MaxRetryDelay", "00:00:02");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OpenAi is not null)
        {
            await OpenAi.DisposeAsync();
        }
    }
}
