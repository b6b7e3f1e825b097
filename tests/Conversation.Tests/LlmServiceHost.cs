using AgentCalls.Conversation.Service.Ai;
using AgentCalls.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace AgentCalls.Conversation.Tests;

/// <summary>Conversation.Service with every LLM role pointed at the fake OpenAI-compatible API; each role asks for its own model, <c>fake-&lt;role&gt;</c>.</summary>
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
        foreach (var role in LlmRole.All)
        {
            host.UseSetting($"Llm:Roles:{role}:Endpoint", OpenAi.BaseUrl.ToString());
            host.UseSetting($"Llm:Roles:{role}:Model", Model(role));
            host.UseSetting($"Llm:Roles:{role}:ApiKey", "sk-fake");
            host.UseSetting($"Llm:Roles:{role}:MaxRetries", MaxRetries.ToString());
            host.UseSetting($"Llm:Roles:{role}:MaxRetryDelay", "00:00:02");
            // The circuit is tested on its own (ProviderFaultsTests): here one test's scripted faults must not open it
            // for the tests that share this host after it.
            host.UseSetting($"Llm:Roles:{role}:Circuit:MinimumThroughput", "100000");
        }
    }

    /// <summary>A word only one test's prompts carry, to script the fake's replies by (<see cref="FakeOpenAi.Reply"/>).</summary>
    public static string Marker() => $"mk{Guid.NewGuid():N}"[..14];

    /// <summary>The model <paramref name="role"/> asks for, by which a test scripts replies for that role alone (<see cref="FakeOpenAi.ReplyTo"/>).</summary>
    public static string Model(string role) => $"fake-{role.ToLowerInvariant()}";

    /// <summary>The chat requests to <paramref name="role"/>'s model that carried <paramref name="marker"/>, in arrival order.</summary>
    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> RequestsTo(string role, string marker) =>
        [.. OpenAi.ChatRequestsContaining(marker).Where(r => r["model"]?.GetValue<string>() == Model(role))];

    /// <summary>A new agent, a client of theirs with a policy, a call with them and its socket, past the first <c>state</c>.</summary>
    public async Task<(SignedInAgent Agent, Contracts.Clients.V1.Client Client, Contracts.Conversation.V1.Call Call, LiveSocket Socket)> OpenCallAsync(string agentName, string clientName)
    {
        var agent = await SignInAsync(agentName, cancellationToken: TestContext.Current.CancellationToken);
        var (client, call) = await StartCallWithPolicyAsync(agent, clientName);
        var socket = await ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");
        return (agent, client, call, socket);
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
