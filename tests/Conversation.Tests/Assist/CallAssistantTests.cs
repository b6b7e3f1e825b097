using System.Text.Json;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Tests.Documents;
using AgentCalls.TestSupport;
using NodaTime;
using Channel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Conversation.Tests.Assist;

/// <summary>The offline assistant on a live call: cards from what the client says, answers to their questions, actions proposed from speech.</summary>
public sealed class CallAssistantTests(ConversationServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientsWords_BringUpTheMatchingCardOnce_WithTheClientsPolicyInTheGuidance()
    {
        var agent = await host.SignInAsync("Card Carla", cancellationToken: Cancel);
        var (client, call) = await host.StartCallWithPolicyAsync(agent);
        await using var socket = await host.ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "honestly the price is way more than I want to pay"));
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "the premium keeps going up every single year"));
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "my kids are at school right now"));
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "a tree fell on my roof during the storm"));
        var suggestions = await SuggestionsUntilAsync(socket, "claim_question");

        Assert.Equal(["price_objection", "claim_question"], suggestions.Select(s => s.GetProperty("cardKey").GetString()));
        var price = suggestions[0];
        Assert.Equal("honestly the price is way more than I want to pay", price.GetProperty("utterance").GetString());
        Assert.Contains("home with Prairie Mutual", price.GetProperty("guidance").GetString());
        Assert.Contains("$1,250.00", price.GetProperty("guidance").GetString());
        Assert.Equal(client.ClientId, call.ClientId);
    }

    [Fact]
    public async Task Reconnect_GetsTheSuggestionsShownSoFarInItsState()
    {
        var agent = await host.SignInAsync("Rejoin Rhea", cancellationToken: Cancel);
        var (_, call) = await host.StartCallWithPolicyAsync(agent);
        await using (var first = await host.ConnectAsync(agent, call.CallId))
        {
            await first.ReceiveAsync("state");
            await first.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "I missed my payment"));
            await first.ReceiveAsync("suggestion");
            await first.CloseAsync();
        }

        await using var second = await host.ConnectAsync(agent, call.CallId);
        var state = await second.ReceiveAsync("state");

        var suggestion = Assert.Single(state.GetProperty("call").GetProperty("suggestions").EnumerateArray());
        Assert.Equal("payment_trouble", suggestion.GetProperty("cardKey").GetString());
    }

    [Fact]
    public async Task AgentsOwnWords_BringUpNoCard()
    {
        var agent = await host.SignInAsync("Agent Arlo", cancellationToken: Cancel);
        var (_, call) = await host.StartCallWithPolicyAsync(agent);
        await using var socket = await host.ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Agent, "I know the premium keeps going up every single year"));
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "I want to cancel my policy"));
        var suggestions = await SuggestionsUntilAsync(socket, "cancellation_intent");

        Assert.Equal(["cancellation_intent"], suggestions.Select(s => s.GetProperty("cardKey").GetString()));
    }

    [Fact]
    public async Task ClientsQuestion_IsAnsweredFromTheAgentsDocumentWithACitation()
    {
        var agent = await host.SignInAsync("Question Quinn", cancellationToken: Cancel);
        await host.UploadOkAsync(agent, "ho3.md", SampleDocuments.Markdown());
        var (_, call) = await host.StartCallWithPolicyAsync(agent);
        await using var socket = await host.ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "so is water backup covered"));
        var answer = (await socket.ReceiveAsync("answer")).GetProperty("answer");

        Assert.Equal("so is water backup covered", answer.GetProperty("question").GetString());
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal("ho3.md", citation.GetProperty("passage").GetProperty("documentTitle").GetString());
        Assert.Contains("$10,000", citation.GetProperty("quote").GetString());
        Assert.True(citation.GetProperty("verified").GetBoolean());
        Assert.Contains("[1]", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task LetsTalkAgainNextTuesdayAtTen_ProposesAFollowUpAtTenInTheClientsZone_AndRunsNothing()
    {
        var agent = await host.SignInAsync("Follow Fay", cancellationToken: Cancel);
        var (_, call) = await host.StartCallWithPolicyAsync(agent);
        await using var socket = await host.ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "let's talk again next Tuesday at ten"));
        var proposal = (await socket.ReceiveAsync("proposal")).GetProperty("proposal");

        Assert.Equal(("schedule_follow_up", "speech", "proposed"), (proposal.GetProperty("kind").GetString(), proposal.GetProperty("source").GetString(), proposal.GetProperty("state").GetString()));
        var arguments = proposal.GetProperty("arguments");
        var start = DateTimeOffset.Parse(arguments.GetProperty("startTime").GetString()!);
        var chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];
        var local = Instant.FromDateTimeOffset(start).InZone(chicago);
        Assert.Equal("America/Chicago", arguments.GetProperty("timeZone").GetString());
        Assert.Equal((IsoDayOfWeek.Tuesday, new LocalTime(10, 0)), (local.DayOfWeek, local.TimeOfDay));
        Assert.Equal(local.Offset.ToTimeSpan(), start.Offset);
        var daysAhead = Period.Between(Instant.FromDateTimeOffset(DateTimeOffset.UtcNow).InZone(chicago).Date, local.Date, PeriodUnits.Days).Days;
        Assert.InRange(daysAhead, 2, 13);
        var held = await host.Calls.GetCallAsync(new GetCallRequest { CallId = call.CallId }, agent.Bearer, cancellationToken: Cancel);
        Assert.Equal(["proposed"], held.Actions.Select(a => a.State));
    }

    [Fact]
    public async Task PleaseDontCallMeAgain_ProposesDoNotCall_AndTheClientIsUnchangedUntilConfirmed()
    {
        var agent = await host.SignInAsync("Dnc Dana", cancellationToken: Cancel);
        var (client, call) = await host.StartCallWithPolicyAsync(agent);
        await using var socket = await host.ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");

        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "please stop phoning me, I don't want any more calls"));
        var proposal = (await socket.ReceiveAsync("proposal")).GetProperty("proposal");
        var before = await host.ClientsServer.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);
        await host.Calls.ConfirmActionAsync(
            new ConfirmActionRequest { CallId = call.CallId, ProposalId = proposal.GetProperty("proposalId").GetString(), RequestId = "dnc-1" }, agent.Bearer, cancellationToken: Cancel);
        var after = await host.ClientsServer.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("mark_do_not_call", proposal.GetProperty("kind").GetString());
        Assert.Equal((false, true), (before.DoNotCall, after.DoNotCall));
        Assert.Contains("please stop phoning me", after.DoNotCallReason);
    }

    /// <summary>Reads pushed messages until the suggestion of <paramref name="lastKey"/>, and returns every suggestion on the way.</summary>
    private static async Task<List<JsonElement>> SuggestionsUntilAsync(LiveSocket socket, string lastKey)
    {
        var suggestions = new List<JsonElement>();
        while (suggestions.Count == 0 || suggestions[^1].GetProperty("cardKey").GetString() != lastKey)
        {
            suggestions.Add((await socket.ReceiveAsync("suggestion")).GetProperty("suggestion"));
        }

        return suggestions;
    }

    /// <summary>A client in Chicago with a home policy in force, and a call started with them.</summary>
}
