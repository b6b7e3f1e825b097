using System.Net.Http.Json;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Conversation.Service.Agents;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlaybooksClient = AgentCalls.Contracts.Conversation.V1.Playbooks.PlaybooksClient;

namespace AgentCalls.Conversation.Tests.Assist;

/// <summary>The playbook as data the agent edits: seeded defaults, an edit kept, bad input refused, reset, and nobody else's.</summary>
public sealed class PlaybooksTests(ConversationServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private PlaybooksClient Playbooks => new(host.Channel);

    [Fact]
    public async Task List_FirstUse_IsTheDefaultCardsInOrder()
    {
        var agent = await host.SignInAsync("Paula Playbook", cancellationToken: Cancel);

        var cards = (await ListAsync(agent)).Cards;

        Assert.Equal(
            ["price_objection", "cancellation_intent", "renewal_review", "claim_question", "coverage_gap", "payment_trouble", "callback_request"],
            cards.Select(c => c.Key));
        Assert.All(cards, c => Assert.True(c.Enabled && c.Examples.Count > 0 && c.Title.Length > 0));
    }

    [Fact]
    public async Task Update_ThenList_KeepsTheEdit()
    {
        var agent = await host.SignInAsync("Eddie Editor", cancellationToken: Cancel);
        var card = (await ListAsync(agent)).Cards[0];
        card.Title = "  Too expensive  ";
        card.Guidance = "Mention the multi-policy discount to {first_name}.";
        card.Examples.Clear();
        card.Examples.Add("that's more than I pay for my car");
        card.Enabled = false;

        var updated = await Playbooks.UpdatePlaybookCardAsync(new UpdatePlaybookCardRequest { CardId = card.CardId, Card = card }, agent.Bearer, cancellationToken: Cancel);
        var listed = (await ListAsync(agent)).Cards.Single(c => c.CardId == card.CardId);

        Assert.Equal(("Too expensive", false), (updated.Title, updated.Enabled));
        Assert.Equal(("Too expensive", "Mention the multi-policy discount to {first_name}.", false), (listed.Title, listed.Guidance, listed.Enabled));
        Assert.Equal(["that's more than I pay for my car"], listed.Examples);
    }

    [Fact]
    public async Task Update_EmptyTitleNoExamplesOrUnknownPlaceholder_IsInvalidArgumentNamingTheFields()
    {
        var agent = await host.SignInAsync("Bad Bea", cancellationToken: Cancel);
        var card = (await ListAsync(agent)).Cards[0];
        var empty = card.Clone();
        empty.Title = " ";
        empty.Examples.Clear();
        empty.Examples.Add("   ");
        var unknown = card.Clone();
        unknown.Guidance = "Tell {client} about {discount}.";

        var emptyFields = await RpcAssert.InvalidArgumentAsync(() => UpdateAsync(agent, card.CardId, empty));
        var unknownFields = await RpcAssert.InvalidArgumentAsync(() => UpdateAsync(agent, card.CardId, unknown));
        var unchanged = (await ListAsync(agent)).Cards[0];

        Assert.Equal(["title", "examples"], emptyFields);
        Assert.Equal(["guidance"], unknownFields);
        Assert.Equal((card.Title, card.Guidance), (unchanged.Title, unchanged.Guidance));
    }

    [Fact]
    public async Task AnotherAgent_NeitherSeesNorChangesYourCards()
    {
        var owner = await host.SignInAsync("Owner Ona", cancellationToken: Cancel);
        var stranger = await host.SignInAsync("Stranger Sid", cancellationToken: Cancel);
        var card = (await ListAsync(owner)).Cards[0];
        card.Title = "Ona's own words";
        await UpdateAsync(owner, card.CardId, card);

        var theirs = await ListAsync(stranger);
        var refused = await RpcAssert.FailsAsync(StatusCode.NotFound, () => UpdateAsync(stranger, card.CardId, card));

        Assert.DoesNotContain(theirs.Cards, c => c.CardId == card.CardId || c.Title == "Ona's own words");
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Reset_PutsEditedCardsBackToTheDefaults()
    {
        var agent = await host.SignInAsync("Reset Rosa", cancellationToken: Cancel);
        var before = await ListAsync(agent);
        var defaults = before.Cards.Select(c => (c.Key, c.Title)).ToList();
        var card = before.Cards[2];
        card.Title = "My renewal card";
        await UpdateAsync(agent, card.CardId, card);

        var reset = await Playbooks.ResetPlaybookAsync(new ResetPlaybookRequest(), agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(defaults, reset.Cards.Select(c => (c.Key, c.Title)));
        Assert.Equal(reset.Cards.Select(c => c.CardId), (await ListAsync(agent)).Cards.Select(c => c.CardId));
    }

    [Fact]
    public async Task PutCard_ThroughRest_WithNoExamples_Is400NamingTheField()
    {
        var agent = await host.SignInAsync("Rest Rob", cancellationToken: Cancel);
        var card = (await ListAsync(agent)).Cards[0];
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/conversation/playbook/cards/{card.CardId}")
        {
            Content = JsonContent.Create(new { title = "Price", guidance = "", examples = Array.Empty<string>(), enabled = true }),
        };
        request.Headers.Authorization = new("Bearer", agent.AccessToken);

        using var response = await host.Rest.SendAsync(request, Cancel);
        var body = new RestResponse(response.StatusCode, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["examples"], body.ViolatedFields());
    }

    [Fact]
    public async Task AgentDeleted_ErasesTheirPlaybook()
    {
        var agent = await host.SignInAsync("Gone Gwen", cancellationToken: Cancel);
        await ListAsync(agent);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<AgentDeletedHandler>(scope.ServiceProvider)
                .HandleAsync(new AgentDeleted { AgentId = agent.AgentId.ToString() }, new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow), Cancel);
        }

        Assert.False(await host.QueryAsync(db => db.PlaybookCards.AnyAsync(c => c.AgentId == agent.AgentId, Cancel)));
    }

    private async Task<ListPlaybookCardsResponse> ListAsync(SignedInAgent agent) =>
        await Playbooks.ListPlaybookCardsAsync(new ListPlaybookCardsRequest(), agent.Bearer, cancellationToken: Cancel);

    private async Task<PlaybookCard> UpdateAsync(SignedInAgent agent, string cardId, PlaybookCard card) =>
        await Playbooks.UpdatePlaybookCardAsync(new UpdatePlaybookCardRequest { CardId = cardId, Card = card }, agent.Bearer, cancellationToken: Cancel);
}
