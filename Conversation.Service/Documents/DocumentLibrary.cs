using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Data;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Conversation.Service.Documents;

/// <summary>
/// An agent's documents: list (with how far they are embedded by the configured model), open, delete. Another agent's
/// document, or an id that is not one, is NotFound.
/// </summary>
public sealed class DocumentLibrary(ConversationDbContext db, DocumentEmbedder embedder)
{
    public async Task<ListDocumentsResponse> ListAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var documents = await Summaries(db.Documents.Where(d => d.AgentId == agentId).OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id))
            .ToListAsync(cancellationToken);
        return new ListDocumentsResponse
        {
            Documents = { documents.Select(ToMessage) },
            Embedding = new EmbeddingProgress
            {
                Model = embedder.ModelId,
                PassagesDone = documents.Where(d => d.EmbeddingModel == embedder.ModelId).Sum(d => d.PassageCount),
                PassagesTotal = documents.Sum(d => d.PassageCount),
            },
        };
    }

    public async Task<DocumentSummary> GetSummaryAsync(Guid agentId, Guid documentId, CancellationToken cancellationToken) =>
        ToMessage(await Summaries(db.Documents.Where(d => d.AgentId == agentId && d.Id == documentId)).FirstOrDefaultAsync(cancellationToken)
            ?? throw RpcErrors.NotFound("document"));

    public async Task<GetDocumentResponse> GetAsync(Guid agentId, string documentId, CancellationToken cancellationToken)
    {
        var id = ParseId(documentId);
        var summary = await GetSummaryAsync(agentId, id, cancellationToken);
        var text = await db.Documents.Where(d => d.AgentId == agentId && d.Id == id).Select(d => d.Text).FirstAsync(cancellationToken);
        var passages = await db.Passages.AsNoTracking().Where(p => p.AgentId == agentId && p.DocumentId == id).OrderBy(p => p.Ordinal)
            .Select(p => new PassageRow(p.Id, p.DocumentId, summary.Title, p.Page, p.HeadingPath, p.Text, p.StartOffset, p.EndOffset))
            .ToListAsync(cancellationToken);
        return new GetDocumentResponse { Document = summary, Text = text, Passages = { passages.Select(p => p.ToMessage()) } };
    }

    public async Task DeleteAsync(Guid agentId, string documentId, CancellationToken cancellationToken)
    {
        var id = ParseId(documentId);
        if (await db.Documents.Where(d => d.AgentId == agentId && d.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw RpcErrors.NotFound("document");
        }
    }

    private static Guid ParseId(string documentId) => Guid.TryParse(documentId, out var id) ? id : throw RpcErrors.NotFound("document");

    private static IQueryable<SummaryRow> Summaries(IQueryable<Document> documents) =>
        documents.AsNoTracking().Select(d => new SummaryRow(d.Id, d.Title, d.Format, d.SizeBytes, d.PageCount, d.Passages.Count, d.UploadedAt, d.EmbeddingModel));

    private DocumentSummary ToMessage(SummaryRow d) => new()
    {
        DocumentId = d.Id.ToString(), Title = d.Title, Format = d.Format, SizeBytes = d.SizeBytes, PageCount = d.PageCount,
        PassageCount = d.PassageCount, Status = d.EmbeddingModel == embedder.ModelId ? "ready" : "re-embedding",
        UploadedAt = Timestamp.FromDateTimeOffset(d.UploadedAt), EmbeddingModel = d.EmbeddingModel,
    };

    private sealed record SummaryRow(
        Guid Id, string Title, string Format, long SizeBytes, int PageCount, int PassageCount, DateTimeOffset UploadedAt, string EmbeddingModel);
}

/// <summary>A passage as search and answers read it.</summary>
public sealed record PassageRow(Guid Id, Guid DocumentId, string DocumentTitle, int? Page, string[] HeadingPath, string Text, int StartOffset, int EndOffset)
{
    public Contracts.Conversation.V1.Passage ToMessage() => new()
    {
        PassageId = Id.ToString(), DocumentId = DocumentId.ToString(), DocumentTitle = DocumentTitle, Page = Page ?? 0,
        HeadingPath = { HeadingPath }, Text = Text, StartOffset = StartOffset, EndOffset = EndOffset,
    };
}
