using System.Text.Json;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.TestSupport;
using Channel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Conversation.Tests.Assist.Model;

/// <summary>The live-conversation role on a call's socket, against the fake OpenAI-compatible API.</summary>
public sealed class LiveSuggesterTests(LlmServiceHost host)
{
    private static readonly string LiveModel = LlmServiceHost.Model(LlmRole.LiveConversation);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientUtterance_StreamsASuggestionInPieces_WithTheClientsFileInThePrompt()
    {
        var marker = LlmServiceHost.Marker();
        const string Said = "Let me check whether a multi-policy discount applies to your home policy.";
        host.OpenAi.ReplyTo(LiveModel, marker, FakeChatReply.Text(Said, pieces: 4));
        var (agent, client, _, socket) = await host.OpenCallAsync("Stream Stella", "Paula Prompt");
        await using var _socket = socket;
        await host.Services.AddRowsAsync<ConversationDbContext>(
            [new CallLog { AgentId = agent.AgentId, ClientId = Guid.Parse(client.ClientId), StartedAt = DateTimeOffset.UtcNow.AddDays(-20), Outcome = "callback requested",
                Summary = "Discussed raising the deductible.", Notes = ["Prefers calls after 5pm"] }], Cancel);

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, $"{marker} the price went up again"));
        var deltas = new List<JsonElement>();
        JsonElement final;
        while (true)
        {
            var message = await socket.ReceiveAsync() ?? throw new InvalidOperationException("The socket closed.");
            var type = message.GetProperty("type").GetString();
            if (type == "suggestion_delta")
            {
                deltas.Add(message);
            }
            else if (type == "suggestion")
            {
                final = message.GetProperty("suggestion");
                break;
            }
        }

        Assert.True(deltas.Count >= 3, $"{deltas.Count} pieces");
        Assert.Equal(Said, string.Concat(deltas.Select(d => d.GetProperty("text").GetString())));
        Assert.All(deltas, d => Assert.Equal((final.GetProperty("suggestionId").GetString(), "model"), (d.GetProperty("suggestionId").GetString(), d.GetProperty("source").GetString())));
        Assert.Equal(("model", Said, $"{marker} the price went up again"),
            (final.GetProperty("source").GetString(), final.GetProperty("guidance").GetString(), final.GetProperty("utterance").GetString()));
        var prompt = Assert.Single(host.RequestsTo(LlmRole.LiveConversation, marker)).ToJsonString();
        foreach (var fact in new[] { "Paula Prompt", "Prairie Mutual", "Do not call: no", "Discussed raising the deductible.", "Prefers calls after 5pm", "America/Chicago" })
        {
            Assert.Contains(fact, prompt);
        }
    }

    [Fact]
    public async Task NewerClientUtterance_CancelsTheSuggestionBeingWritten_AndAbortsItsRequest()
    {
        var (first, second) = (LlmServiceHost.Marker(), LlmServiceHost.Marker());
        host.OpenAi.ReplyTo(LiveModel, first, FakeChatReply.Text(string.Join(" ", Enumerable.Repeat("slowly", 40)), pieces: 40) with { PieceDelay = TimeSpan.FromMilliseconds(250) });
        host.OpenAi.ReplyTo(LiveModel, second, FakeChatReply.Text("Happy to walk you through the renewal.", pieces: 2));
        var (_, _, _, socket) = await host.OpenCallAsync("Cancel Cleo", "Moving Moe");
        await using var _socket = socket;

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, $"{first} I am not sure about this"));
        var firstId = (await socket.ReceiveAsync("suggestion_delta")).GetProperty("suggestionId").GetString();
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, $"{second} actually I want to renew"));
        JsonElement? cancelled = null, finished = null;
        while (cancelled is null || finished is null)
        {
            var message = await socket.ReceiveAsync() ?? throw new InvalidOperationException("The socket closed.");
            switch (message.GetProperty("type").GetString())
            {
                case "suggestion_cancelled":
                    cancelled = message;
                    break;
                case "suggestion":
                    finished = message.GetProperty("suggestion");
                    break;
            }
        }

        Assert.Equal((firstId, "superseded"), (cancelled.Value.GetProperty("suggestionId").GetString(), cancelled.Value.GetProperty("reason").GetString()));
        Assert.NotEqual(firstId, finished.Value.GetProperty("suggestionId").GetString());
        Assert.Equal("Happy to walk you through the renewal.", finished.Value.GetProperty("guidance").GetString());
        var aborted = await Eventually.ReturnsAsync(() => Task.FromResult(host.OpenAi.Aborted.FirstOrDefault(r => r.Body.Contains(first) && !r.Body.Contains(second))));
        Assert.Contains(LiveModel, aborted.Body);
    }

    [Fact]
    public async Task ProviderRateLimitingPastItsRetries_EndsInAClearError_AndTheCallGoesOn()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(LiveModel, marker, [.. Enumerable.Repeat(FakeChatReply.Error(429, TimeSpan.FromSeconds(1)), LlmServiceHost.MaxRetries + 1)]);

        var (error, attempts, after) = await FailThenGoOnAsync("Limited Lou", marker);

        Assert.Equal("suggestion_failed", error.GetProperty("code").GetString());
        Assert.Contains("429", error.GetProperty("message").GetString());
        Assert.Equal(NextWords, after.GetProperty("segment").GetProperty("text").GetString());
        Assert.Equal(LlmServiceHost.MaxRetries + 1, attempts);
    }

    [Fact]
    public async Task StreamCutOffMidway_EndsInAClearError_AndTheCallGoesOn()
    {
        var marker = LlmServiceHost.Marker();
        host.OpenAi.ReplyTo(LiveModel, marker, FakeChatReply.CutMidway("You could offer a payment plan for the premium.", afterChunks: 2));

        var (error, _, after) = await FailThenGoOnAsync("Cut Carl", marker);

        Assert.Equal("suggestion_failed", error.GetProperty("code").GetString());
        Assert.Contains("cut off", error.GetProperty("message").GetString());
        Assert.Equal(NextWords, after.GetProperty("segment").GetProperty("text").GetString());
    }

    public static TheoryData<string> ProviderFailures => ["429", "500", "cut"];

    [Theory]
    [MemberData(nameof(ProviderFailures))]
    public async Task ModelFailingOnTheClientsWords_ThePlaybookCardForThemIsShownInstead(string failure)
    {
        var marker = LlmServiceHost.Marker();
        FakeChatReply[] replies = failure switch
        {
            "429" => [.. Enumerable.Repeat(FakeChatReply.Error(429, TimeSpan.FromSeconds(1)), LlmServiceHost.MaxRetries + 1)],
            "500" => [.. Enumerable.Repeat(FakeChatReply.Error(500), LlmServiceHost.MaxRetries + 1)],
            _ => [FakeChatReply.CutMidway("You could point out the multi-policy discount.", afterChunks: 2)],
        };
        host.OpenAi.ReplyTo(LiveModel, marker, replies);
        // The marker rides in the client's name (the prompt carries the client's file), so the words are the card's own.
        var (_, _, _, socket) = await host.OpenCallAsync($"Fallback Fay {failure}", $"Pat {marker}");
        await using var _socket = socket;

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "my premium went up again"));
        var error = await socket.ReceiveAsync("error");
        var card = (await socket.ReceiveAsync("suggestion")).GetProperty("suggestion");

        Assert.Equal("suggestion_failed", error.GetProperty("code").GetString());
        Assert.Equal(("playbook", "price_objection", "my premium went up again"),
            (card.GetProperty("source").GetString(), card.GetProperty("cardKey").GetString(), card.GetProperty("utterance").GetString()));
        Assert.NotEmpty(host.RequestsTo(LlmRole.LiveConversation, marker));
    }

    private const string NextWords = "hello are you still there";

    /// <summary>
    /// The client's words with <paramref name="marker"/>, whose suggestion fails, then the client's next words: the
    /// <c>error</c>, the requests the fake had for the first words by then, and the next <c>final</c>.
    /// </summary>
    private async Task<(JsonElement Error, int Attempts, JsonElement After)> FailThenGoOnAsync(string agentName, string marker)
    {
        var (_, _, _, socket) = await host.OpenCallAsync(agentName, "Troubled Tess");
        await using var _socket = socket;
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, $"{marker} can we talk about my premium"));
        var error = await socket.ReceiveAsync("error");
        var attempts = host.RequestsTo(LlmRole.LiveConversation, marker).Count;
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, NextWords));
        return (error, attempts, await socket.ReceiveAsync("final"));
    }
}
