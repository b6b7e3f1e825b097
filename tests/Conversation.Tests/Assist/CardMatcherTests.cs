using AgentCalls.Conversation.Service.Assist;
using AgentCalls.Conversation.Service.Assist.Cards;
using AgentCalls.Conversation.Service.Assist.Playbooks;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Tests.Assist;

/// <summary>The default playbook against the local embedding model: cards fire on what a client means, not on words, and stay quiet on small talk.</summary>
public sealed class CardMatcherTests
{
    private static readonly CardMatcher Matcher = new(new MeaningMatch(new PhraseVectors(SharedEmbedder.Instance)), Options.Create(new AssistOptions()));

    private static readonly IReadOnlyList<PlaybookCard> Playbook = [.. DefaultPlaybook.NewCards(Guid.NewGuid(), ConversationServiceHost.Morning)];

    [Theory]
    [InlineData("that's a lot of money for what I get", "price_objection")]
    [InlineData("why did my rate increase so much", "price_objection")]
    [InlineData("your competitor offered me a better rate", "price_objection")]
    [InlineData("I don't want this policy anymore", "cancellation_intent")]
    [InlineData("I found another insurer and I'm leaving", "cancellation_intent")]
    [InlineData("the renewal paperwork just arrived", "renewal_review")]
    [InlineData("does anything change when my policy renews", "renewal_review")]
    [InlineData("a tree fell on my roof during the storm", "claim_question")]
    [InlineData("has anyone looked at my claim yet", "claim_question")]
    [InlineData("my son just got his driver's license", "coverage_gap")]
    [InlineData("is my engagement ring covered", "coverage_gap")]
    [InlineData("I lost my job and can't keep up with payments", "payment_trouble")]
    [InlineData("the automatic payment didn't go through", "payment_trouble")]
    [InlineData("please call me back tomorrow morning", "callback_request")]
    [InlineData("I'm in a meeting, call me later", "callback_request")]
    public void Match_ParaphraseOfACardsExamples_IsThatCard(string utterance, string expectedKey)
    {
        var match = Matcher.Match(Embed(utterance), Playbook, TestContext.Current.CancellationToken);

        Assert.Equal(expectedKey, match?.Label.Key);
    }

    [Theory]
    [InlineData("my favourite team won last night")]
    [InlineData("I'm cooking dinner for the family")]
    [InlineData("we are going to visit my mother on Sunday")]
    [InlineData("the traffic was terrible this morning")]
    [InlineData("I just got back from the grocery store")]
    [InlineData("my neighbour painted his fence")]
    [InlineData("thanks for calling")]
    [InlineData("okay sounds good thank you")]
    [InlineData("my daughter is starting college in the fall")]
    public void Match_UnrelatedTalk_IsNoCard(string utterance)
    {
        var match = Matcher.Match(Embed(utterance), Playbook, TestContext.Current.CancellationToken);

        Assert.Null(match?.Label.Key);
    }

    [Fact]
    public void Match_ADisabledCard_NeverFires()
    {
        var playbook = Playbook.Select(c => new PlaybookCard
        {
            Key = c.Key, Title = c.Title, Guidance = c.Guidance, Examples = c.Examples, Enabled = c.Key != "price_objection",
        }).ToList();

        var match = Matcher.Match(Embed("the premium keeps going up every single year"), playbook, TestContext.Current.CancellationToken);

        Assert.NotEqual("price_objection", match?.Label.Key);
    }

    private static float[] Embed(string utterance) => new PhraseVectors(SharedEmbedder.Instance).Utterance(utterance, TestContext.Current.CancellationToken);
}
