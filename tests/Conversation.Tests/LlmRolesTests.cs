using System.ClientModel;
using System.Text.Json;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentCalls.Conversation.Tests;

/// <summary>The roles' production clients against the fake OpenAI-compatible API.</summary>
public sealed class LlmRolesTests(LlmServiceHost host, ConversationServiceHost offline)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IChatClient Role(string role) => host.Services.GetRequiredKeyedService<IChatClient>(role);

    [Fact]
    public void Roles_NoneConfigured_AreNotRegistered() =>
        Assert.All(LlmRole.All, role => Assert.Null(offline.Services.GetKeyedService<IChatClient>(role)));

    [Fact]
    public void Roles_AllConfigured_AreAllRegistered() =>
        Assert.All(LlmRole.All, role => Assert.NotNull(host.Services.GetKeyedService<IChatClient>(role)));

    [Fact]
    public async Task Streaming_TextInPieces_ArrivesWholeWithTheRolesModelAndKey()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.Reply(marker, FakeChatReply.Text("Water backup is covered up to $10,000.", pieces: 5));

        var text = "";
        await foreach (var update in Role(LlmRole.Documentation).GetStreamingResponseAsync(marker, new ChatOptions().ForAgent(Guid.NewGuid()), Cancel))
        {
            text += update.Text;
        }

        Assert.Equal("Water backup is covered up to $10,000.", text);
        var sent = Assert.Single(host.OpenAi.ChatRequestsContaining(marker));
        Assert.Equal("fake-documentation", sent["model"]!.GetValue<string>());
        Assert.Equal("Bearer sk-fake", host.OpenAi.Requests.Single(r => r.Body.Contains(marker)).Authorization);
    }

    [Fact]
    public async Task Prompt_WithCardSsnAccountAndBirthDate_LeavesRedacted()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.Reply(marker, FakeChatReply.Text("Noted."));
        var said = $"{marker} My card is 4111 1111 1111 1111, SSN 123-45-6789, checking account number 000123456789, date of birth 04/12/1961.";

        await Role(LlmRole.LiveConversation).GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You assist an insurance agent."), new ChatMessage(ChatRole.User, said)],
            new ChatOptions().ForAgent(Guid.NewGuid()), Cancel);

        var body = Assert.Single(host.OpenAi.ChatRequestsContaining(marker)).ToJsonString();
        foreach (var secret in new[] { "4111", "123-45-6789", "000123456789", "04/12/1961" })
        {
            Assert.DoesNotContain(secret, body);
        }

        foreach (var label in new[] { SensitiveDataRedactor.CardNumber, SensitiveDataRedactor.SocialSecurityNumber, SensitiveDataRedactor.BankAccount, SensitiveDataRedactor.DateOfBirth })
        {
            Assert.Contains(label, body);
        }
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_IsRetriedAndAnswers()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.Reply(marker, FakeChatReply.Error(429, TimeSpan.FromSeconds(1)), FakeChatReply.Text("After the wait."));

        var response = await Role(LlmRole.Documentation).GetResponseAsync(marker, new ChatOptions().ForAgent(Guid.NewGuid()), Cancel);

        Assert.Equal("After the wait.", response.Text);
        Assert.Equal(2, host.OpenAi.ChatRequestsContaining(marker).Count);
    }

    [Fact]
    public async Task ServerErrors_Persisting_StopAfterTheRolesRetries()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.Reply(marker, [.. Enumerable.Repeat(FakeChatReply.Error(500), LlmServiceHost.MaxRetries + 2)]);

        var failure = await Assert.ThrowsAsync<ClientResultException>(() =>
            Role(LlmRole.Documentation).GetResponseAsync(marker, new ChatOptions().ForAgent(Guid.NewGuid()), Cancel));

        Assert.Equal(500, failure.Status);
        Assert.Equal(LlmServiceHost.MaxRetries + 1, host.OpenAi.ChatRequestsContaining(marker).Count);
    }

    [Fact]
    public async Task Streaming_ToolCallArgumentsSplitAcrossDeltas_ArriveAsOneCall()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.Reply(marker, FakeChatReply.Call("schedule_follow_up", """{"client":"Maria Lopez","when":"2026-03-10T15:00:00Z"}""", pieces: 6));
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string client, string when) => "", "schedule_follow_up")] }.ForAgent(Guid.NewGuid());

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Role(LlmRole.FunctionExecution).GetStreamingResponseAsync(marker, options, Cancel))
        {
            updates.Add(update);
        }

        var call = Assert.Single(updates.ToChatResponse().Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("schedule_follow_up", call.Name);
        Assert.Equal("Maria Lopez", ((JsonElement)call.Arguments!["client"]!).GetString());
        Assert.Equal("2026-03-10T15:00:00Z", ((JsonElement)call.Arguments!["when"]!).GetString());
    }

    [Fact]
    public async Task Calls_BeyondTheAgentsLimit_AreRefusedForThatAgentOnly()
    {
        var agent = Guid.NewGuid();
        var marker = LlmServiceHost.Marker();
        for (var i = 0; i < LlmServiceHost.CallsPerAgentPerMinute; i++)
        {
            await Role(i % 2 == 0 ? LlmRole.Documentation : LlmRole.LiveConversation).GetResponseAsync(marker, new ChatOptions().ForAgent(agent), Cancel);
        }

        await Assert.ThrowsAsync<LlmCallLimitExceededException>(() => Role(LlmRole.Documentation).GetResponseAsync(marker, new ChatOptions().ForAgent(agent), Cancel));
        await Role(LlmRole.Documentation).GetResponseAsync(marker, new ChatOptions().ForAgent(Guid.NewGuid()), Cancel);
        Assert.Equal(LlmServiceHost.CallsPerAgentPerMinute + 1, host.OpenAi.ChatRequestsContaining(marker).Count);
    }

    [Fact]
    public async Task Calls_NamingNoAgent_AreRefusedBeforeLeaving()
    {
        var marker = LlmServiceHost.Marker();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Role(LlmRole.Documentation).GetResponseAsync(marker, cancellationToken: Cancel));

        Assert.Empty(host.OpenAi.ChatRequestsContaining(marker));
    }
}
