using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace AgentCalls.Conversation.Tests.Documents;

/// <summary>
/// The embeddings model changes between the local model and an OpenAI-compatible endpoint (the fake): the agent's
/// documents are re-embedded in the background, with progress in ListDocuments, on a database of their own.
/// </summary>
public sealed class DocumentReembeddingTests(ConversationServiceHost host)
{
    private const string EndpointModel = "fake-embedding";
    private const string LocalModel = "snowflake-arctic-embed-xs";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ModelChange_ReembedsEveryDocumentInTheBackground_AndSearchUsesTheNewVectors()
    {
        await using var openAi = await FakeOpenAi.StartAsync();
        var start = await host.OnNewDatabaseAsync();
        var agent = await host.SignInAsync("Rhea Reembed", cancellationToken: Cancel);
        await using (var local = start(_ => { }))
        {
            await DocumentCalls.UploadOkAsync(local.Rest, agent, "ho3.md", SampleDocuments.Markdown());
            await DocumentCalls.UploadOkAsync(local.Rest, agent, "umbrella.docx", SampleDocuments.UmbrellaDocx());
        }

        await using (var endpoint = start(h => h.UseSetting("Embeddings:Endpoint", openAi.BaseUrl.ToString()).UseSetting("Embeddings:Model", EndpointModel)))
        {
            var listed = await WaitUntilEmbeddedAsync(endpoint, agent);

            Assert.Equal(EndpointModel, listed.Embedding.Model);
            Assert.All(listed.Documents, d => Assert.Equal((EndpointModel, "ready"), (d.EmbeddingModel, d.Status)));
            Assert.Contains(openAi.Requests, r => r.Path.EndsWith("embeddings", StringComparison.Ordinal) && r.Body.Contains("$10,000", StringComparison.Ordinal));
            var best = (await endpoint.Documents.SearchDocumentsAsync(new() { Query = "water backup of sewers or drains" }, agent.Bearer, cancellationToken: Cancel)).Results[0];
            Assert.Contains("$10,000", best.Passage.Text);
            Assert.True(best.VectorRank > 0, "the endpoint's vectors are searched");
        }

        await using var back = start(_ => { });
        var relisted = await WaitUntilEmbeddedAsync(back, agent);
        Assert.All(relisted.Documents, d => Assert.Equal(LocalModel, d.EmbeddingModel));
        var answer = Assert.Single(await DocumentCalls.AskAsync(back.Documents, agent, "Is water backup covered?"));
        Assert.True(answer.Covered);
    }

    [Fact]
    public async Task ModelChange_DocumentNotYetReembedded_IsListedAsReembeddingAndFoundByItsWordsOnly()
    {
        await using var openAi = await FakeOpenAi.StartAsync();
        // The endpoint refuses this document's passages, so it stays on the local model's vectors.
        openAi.FailEmbeddings("Water Backup");
        var start = await host.OnNewDatabaseAsync();
        var agent = await host.SignInAsync("Otto Oldmodel", cancellationToken: Cancel);
        await using (var local = start(_ => { }))
        {
            await DocumentCalls.UploadOkAsync(local.Rest, agent, "ho3.md", SampleDocuments.Markdown());
        }

        await using var endpoint = start(h => h.UseSetting("Embeddings:Endpoint", openAi.BaseUrl.ToString()).UseSetting("Embeddings:Model", EndpointModel));
        var listed = await endpoint.Documents.ListDocumentsAsync(new(), agent.Bearer, cancellationToken: Cancel);
        var results = (await endpoint.Documents.SearchDocumentsAsync(new() { Query = "water backup sewer" }, agent.Bearer, cancellationToken: Cancel)).Results;

        Assert.Equal((EndpointModel, 0, listed.Documents[0].PassageCount), (listed.Embedding.Model, listed.Embedding.PassagesDone, listed.Embedding.PassagesTotal));
        Assert.Equal(("re-embedding", LocalModel), (listed.Documents[0].Status, listed.Documents[0].EmbeddingModel));
        Assert.Contains("$10,000", results[0].Passage.Text);
        Assert.All(results, r => Assert.Equal(0, r.VectorRank));
    }

    [Fact]
    public async Task ModelChange_ADocumentTheEndpointRefuses_HoldsBackNoOther()
    {
        await using var openAi = await FakeOpenAi.StartAsync();
        // The endpoint answers 400 to the oldest document's passages (as to a text too long for its model).
        openAi.FailEmbeddings("Water Backup", status: 400);
        var start = await host.OnNewDatabaseAsync();
        var agent = await host.SignInAsync("Rory Refused", cancellationToken: Cancel);
        await using (var local = start(_ => { }))
        {
            await DocumentCalls.UploadOkAsync(local.Rest, agent, "ho3.md", SampleDocuments.Markdown());
            await DocumentCalls.UploadOkAsync(local.Rest, agent, "umbrella.docx", SampleDocuments.UmbrellaDocx());
        }

        await using var endpoint = start(h => h.UseSetting("Embeddings:Endpoint", openAi.BaseUrl.ToString()).UseSetting("Embeddings:Model", EndpointModel));
        var umbrella = await Eventually.ReturnsAsync(async () =>
            (await endpoint.Documents.ListDocumentsAsync(new(), agent.Bearer, cancellationToken: Cancel)).Documents
                .SingleOrDefault(d => d.Title == "umbrella.docx" && d.EmbeddingModel == EndpointModel));

        var refused = (await endpoint.Documents.ListDocumentsAsync(new(), agent.Bearer, cancellationToken: Cancel)).Documents.Single(d => d.Title == "ho3.md");
        Assert.Equal(("ready", "re-embedding", LocalModel), (umbrella.Status, refused.Status, refused.EmbeddingModel));
    }

    private static async Task<ListDocumentsResponse> WaitUntilEmbeddedAsync(ConversationProcess process, SignedInAgent agent)
    {
        for (var attempt = 0; ; attempt++)
        {
            var listed = await process.Documents.ListDocumentsAsync(new(), agent.Bearer, cancellationToken: Cancel);
            if (listed.Embedding.PassagesDone == listed.Embedding.PassagesTotal || attempt == 600)
            {
                return listed;
            }

            await Task.Delay(100, Cancel);
        }
    }
}
