using System.Net;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Conversation.Service.Agents;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentCalls.Conversation.Tests.Documents;

/// <summary>Upload, list, open and delete through the service, on a real Postgres.</summary>
public sealed class DocumentsTests(ConversationServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_Pdf_ReportsProgressThenTheDocumentWithItsPages()
    {
        var agent = await host.SignInAsync("Pia Pdf", cancellationToken: Cancel);

        var upload = await host.UploadAsync(agent, "auto-guide.pdf", SampleDocuments.AutoGuidePdf());

        Assert.Equal(HttpStatusCode.OK, upload.Status);
        Assert.Equal(["parsed", "embedding", "saving", "done"], upload.Lines.Select(l => l.GetProperty("stage").GetString()));
        var document = upload.Done.GetProperty("document");
        Assert.Equal("auto-guide.pdf", document.GetProperty("title").GetString());
        Assert.Equal(2, document.GetProperty("pageCount").GetInt32());
        Assert.Equal(2, document.GetProperty("passageCount").GetInt32());
    }

    [Fact]
    public async Task Upload_SameFileTwice_IsOneDocument()
    {
        var agent = await host.SignInAsync("Dee Duplicate", cancellationToken: Cancel);
        var file = SampleDocuments.UmbrellaDocx();
        var first = await host.UploadOkAsync(agent, "umbrella.docx", file);

        var again = await host.UploadAsync(agent, "umbrella (copy).docx", file);

        Assert.True(again.Done.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first, again.Done.GetProperty("document").GetProperty("documentId").GetString());
        Assert.Equal([first], (await host.Documents().ListDocumentsAsync(new ListDocumentsRequest(), agent.Bearer, cancellationToken: Cancel)).Documents.Select(d => d.DocumentId));
    }

    [Theory]
    [InlineData("broken.pdf", "not a readable PDF")]
    [InlineData("locked.docx", "encrypted")]
    [InlineData("empty.txt", "empty")]
    public async Task Upload_UnreadableFile_Is400WithTheReasonAndStoresNothing(string name, string reason)
    {
        var agent = await host.SignInAsync("Una Unreadable", cancellationToken: Cancel);
        byte[] content = name switch
        {
            "broken.pdf" => SampleDocuments.MalformedPdf(),
            "locked.docx" => SampleDocuments.EncryptedDocx(),
            _ => [],
        };

        var upload = await host.UploadAsync(agent, name, content);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Contains(reason, upload.Detail);
        Assert.Empty((await host.Documents().ListDocumentsAsync(new ListDocumentsRequest(), agent.Bearer, cancellationToken: Cancel)).Documents);
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_Is413()
    {
        var agent = await host.SignInAsync("Lars Large", cancellationToken: Cancel);

        var upload = await host.UploadAsync(agent, "huge.txt", SampleDocuments.Text(new string('x', (int)ConversationServiceHost.MaxDocumentBytes + 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.Status);
    }

    [Fact]
    public async Task GetDocument_Markdown_HasTheTextAndPassagesAtTheirOffsets()
    {
        var agent = await host.SignInAsync("Otto Opener", cancellationToken: Cancel);
        var id = await host.UploadOkAsync(agent, "ho3.md", SampleDocuments.Markdown());

        var document = await host.Documents().GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal(SampleDocuments.HomeownersMarkdown, document.Text);
        Assert.All(document.Passages, p => Assert.Equal(p.Text, document.Text[p.StartOffset..p.EndOffset]));
        Assert.Contains(document.Passages, p => p.HeadingPath.SequenceEqual(["Homeowners Policy HO-3", "Section I - Property Coverages", "Water Backup"]));
    }

    [Fact]
    public async Task AnotherAgentsDocument_IsNotFoundToOpenOrDelete()
    {
        var owner = await host.SignInAsync("Olga Owner", cancellationToken: Cancel);
        var other = await host.SignInAsync("Ivan Intruder", cancellationToken: Cancel);
        var id = await host.UploadOkAsync(owner, "ho3.md", SampleDocuments.Markdown());

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Documents().GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, other.Bearer, cancellationToken: Cancel).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Documents().DeleteDocumentAsync(new DeleteDocumentRequest { DocumentId = id }, other.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(id, (await host.Documents().GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, owner.Bearer, cancellationToken: Cancel)).Document.DocumentId);
    }

    [Fact]
    public async Task DeleteDocument_Owned_RemovesItFromListAndSearch()
    {
        var agent = await host.SignInAsync("Dora Deleter", cancellationToken: Cancel);
        var id = await host.UploadOkAsync(agent, "auto-guide.pdf", SampleDocuments.AutoGuidePdf());
        Assert.NotEmpty((await Search(agent, "rental car per day")).Results);

        await host.Documents().DeleteDocumentAsync(new DeleteDocumentRequest { DocumentId = id }, agent.Bearer, cancellationToken: Cancel);

        Assert.Empty((await host.Documents().ListDocumentsAsync(new ListDocumentsRequest(), agent.Bearer, cancellationToken: Cancel)).Documents);
        Assert.Empty((await Search(agent, "rental car per day")).Results);
    }

    [Fact]
    public async Task AgentDeleted_ErasesTheirDocumentsAndPassages()
    {
        var agent = await host.SignInAsync("Gus Gone", cancellationToken: Cancel);
        await host.UploadOkAsync(agent, "ho3.md", SampleDocuments.Markdown());

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<AgentDeletedHandler>(scope.ServiceProvider)
                .HandleAsync(new AgentDeleted { AgentId = agent.AgentId.ToString() }, new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow), Cancel);
        }

        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ConversationDbContext>();
        Assert.False(await db.Documents.AnyAsync(d => d.AgentId == agent.AgentId, Cancel));
        Assert.False(await db.Passages.AnyAsync(p => p.AgentId == agent.AgentId, Cancel));
    }

    private Task<SearchDocumentsResponse> Search(SignedInAgent agent, string query) =>
        host.Documents().SearchDocumentsAsync(new SearchDocumentsRequest { Query = query }, agent.Bearer, cancellationToken: Cancel).ResponseAsync;
}
