using AgentCalls.Conversation.Service.Answers;
using AgentCalls.TestSupport;

namespace AgentCalls.Conversation.Tests.Documents;

/// <summary>Answers written by the documentation role (the fake OpenAI-compatible API), with every citation checked.</summary>
public sealed class AskDocumentsWithModelTests(LlmServiceHost host)
{
    private const string WaterSentence =
        "Water backup of sewers or drains is covered up to $10,000 per occurrence when the Water Backup endorsement is listed on the declarations page.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Marker() => $"q{Guid.NewGuid():N}";

    private async Task<SignedInAgent> AgentWithPolicyAsync(string name)
    {
        var agent = await host.SignInAsync(name, cancellationToken: Cancel);
        await host.UploadOkAsync(agent, "ho3.md", SampleDocuments.Markdown());
        return agent;
    }

    [Fact]
    public async Task Ask_ModelAnswer_StreamsThenKeepsTrueCitationsFlagsWrongQuotesAndDropsFabricatedPassages()
    {
        var agent = await AgentWithPolicyAsync("Gene Generated");
        var marker = Marker();
        host.OpenAi.Reply(marker, FakeChatReply.Text(
            $"Yes, up to $10,000 per occurrence [P1: \"{WaterSentence}\"]. It also pays for mold [P1: \"Mold is covered in full.\"]. Floods are covered too [P9: \"Flood is covered.\"].",
            pieces: 6));

        var messages = await host.AskAsync(agent, $"Is water backup covered? {marker}");

        Assert.True(messages.Count > 2, "the answer arrives in pieces");
        var final = messages[^1];
        Assert.True(final.Final);
        Assert.True(final.Covered);
        Assert.Equal("generated", final.Source);
        Assert.Equal(
            [(1, true, ""), (2, false, "The quoted words are not in the cited passage.")],
            final.Citations.Select(c => (c.Number, c.Verified, c.Problem)));
        Assert.Contains("$10,000", final.Citations[0].Passage.Text);
        Assert.DoesNotContain("P9", final.Answer);
        Assert.Equal("Yes, up to $10,000 per occurrence [1]. It also pays for mold [2]. Floods are covered too.", final.Answer);
    }

    [Fact]
    public async Task Ask_Prompt_HoldsOnlyTheRetrievedPassagesAndLeavesRedacted()
    {
        var agent = await AgentWithPolicyAsync("Rhea Redacted");
        await host.UploadOkAsync(agent, "claim-note.txt", SampleDocuments.Text(
            "Claim note: the water backup claim of the client born on 04/12/1961 was paid; card 4111 1111 1111 1111 was charged the deductible."));
        var marker = Marker();
        host.OpenAi.Reply(marker, FakeChatReply.Text($"Up to $10,000 [P1: \"{WaterSentence}\"]."));

        await host.AskAsync(agent, $"Is water backup covered? {marker}");

        var sent = Assert.Single(host.OpenAi.ChatRequestsContaining(marker)).ToJsonString();
        Assert.Contains("Water backup of sewers or drains", sent);
        Assert.Contains("[date of birth]", sent);
        Assert.Contains("[card number]", sent);
        Assert.DoesNotContain("04/12/1961", sent);
        Assert.DoesNotContain("4111", sent);
        Assert.DoesNotContain("Personal Liability", sent);
    }

    [Fact]
    public async Task Ask_NothingRelevant_AnswersNotCoveredWithoutAskingTheModel()
    {
        var agent = await AgentWithPolicyAsync("Nell Nomodel");
        var marker = Marker();

        var answer = Assert.Single(await host.AskAsync(agent, $"Does the policy pay veterinary bills for my dog? {marker}"));

        Assert.False(answer.Covered);
        Assert.Empty(host.OpenAi.ChatRequestsContaining(marker));
    }

    [Fact]
    public async Task Ask_ModelSaysNotCovered_IsNotCovered()
    {
        var agent = await AgentWithPolicyAsync("Mona Modelsays");
        var marker = Marker();
        host.OpenAi.Reply(marker, FakeChatReply.Text("NOT COVERED"));

        var final = (await host.AskAsync(agent, $"Is water backup covered? {marker}"))[^1];

        Assert.False(final.Covered);
        Assert.Equal(DocumentAnswerer.NotCovered, final.Answer);
    }
}
