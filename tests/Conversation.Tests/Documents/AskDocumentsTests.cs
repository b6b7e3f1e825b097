using AgentCalls.Conversation.Service.Answers;
using AgentCalls.TestSupport;

namespace AgentCalls.Conversation.Tests.Documents;

/// <summary>Answers with no LLM configured: the documents' own sentences, cited, or "not covered".</summary>
public sealed class AskDocumentsTests(ConversationServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<SignedInAgent> AgentWithDocumentsAsync(string name)
    {
        var agent = await host.SignInAsync(name, cancellationToken: Cancel);
        await host.UploadOkAsync(agent, "ho3.md", SampleDocuments.Markdown());
        await host.UploadOkAsync(agent, "auto-guide.pdf", SampleDocuments.AutoGuidePdf());
        await host.UploadOkAsync(agent, "umbrella.docx", SampleDocuments.UmbrellaDocx());
        return agent;
    }

    [Fact]
    public async Task Ask_CoveredQuestion_QuotesTheSupportingSentenceAndCitesItsPassage()
    {
        var agent = await AgentWithDocumentsAsync("Cora Covered");

        var answer = Assert.Single(await host.AskAsync(agent, "Is water backup covered?"));

        Assert.True(answer.Final);
        Assert.True(answer.Covered);
        Assert.Equal("extractive", answer.Source);
        var citation = answer.Citations[0];
        Assert.Equal("ho3.md", citation.Passage.DocumentTitle);
        Assert.Contains("$10,000", citation.Passage.Text);
        Assert.Contains("$10,000", citation.Quote);
        Assert.True(citation.Verified);
        Assert.Contains("[1]", answer.Answer);
        var document = await host.Documents().GetDocumentAsync(new() { DocumentId = citation.Passage.DocumentId }, agent.Bearer, cancellationToken: Cancel);
        Assert.Contains("$10,000", document.Text[citation.QuoteStart..citation.QuoteEnd]);
    }

    [Fact]
    public async Task Ask_QuestionAboutAPdfPage_CitesThatPage()
    {
        var agent = await AgentWithDocumentsAsync("Pete Page");

        var answer = Assert.Single(await host.AskAsync(agent, "How many miles of towing does roadside assistance pay for?"));

        Assert.True(answer.Covered);
        Assert.Equal(("auto-guide.pdf", 2), (answer.Citations[0].Passage.DocumentTitle, answer.Citations[0].Passage.Page));
    }

    [Theory]
    [InlineData("Does the policy pay veterinary bills for my dog?")]
    [InlineData("What is the deductible for earthquake damage to a boat?")]
    public async Task Ask_QuestionTheDocumentsDoNotCover_SaysSoAndCitesNothing(string question)
    {
        var agent = await AgentWithDocumentsAsync("Nico Notcovered");

        var answer = Assert.Single(await host.AskAsync(agent, question));

        Assert.False(answer.Covered);
        Assert.Equal(DocumentAnswerer.NotCovered, answer.Answer);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task Ask_AnotherAgentsDocuments_AreNeverUsed()
    {
        await AgentWithDocumentsAsync("Owen Owner");
        var other = await host.SignInAsync("Nina Nothing", cancellationToken: Cancel);

        var answer = Assert.Single(await host.AskAsync(other, "Is water backup covered?"));
        var search = await host.Documents().SearchDocumentsAsync(new() { Query = "water backup" }, other.Bearer, cancellationToken: Cancel);

        Assert.False(answer.Covered);
        Assert.Empty(search.Results);
    }

    [Fact]
    public async Task Search_FusesFullTextAndEmbeddingsWithScores()
    {
        var agent = await AgentWithDocumentsAsync("Sam Search");

        var results = (await host.Documents().SearchDocumentsAsync(new() { Query = "what does the umbrella add above my home and auto limits" }, agent.Bearer, cancellationToken: Cancel)).Results;

        var best = results[0];
        Assert.Contains("$1,000,000", best.Passage.Text);
        Assert.True(best.TextRank > 0 && best.VectorRank > 0, $"text rank {best.TextRank}, vector rank {best.VectorRank}");
        Assert.Equal(results.Select(r => r.Score).OrderDescending(), results.Select(r => r.Score));
    }

    [Fact]
    public async Task AskThroughRest_StreamsJsonMessagesTheWebAppReads()
    {
        var agent = await AgentWithDocumentsAsync("Rita Restask");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/conversation/documents:ask")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { question = "Is water backup covered?" }),
        };
        request.Headers.Authorization = new("Bearer", agent.AccessToken);

        using var response = await host.Rest.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var final = System.Text.Json.JsonDocument.Parse(body.Trim().TrimStart('[').TrimEnd(']')).RootElement;
        Assert.True(final.GetProperty("covered").GetBoolean());
        Assert.Contains("$10,000", final.GetProperty("citations")[0].GetProperty("passage").GetProperty("text").GetString());
    }
}
