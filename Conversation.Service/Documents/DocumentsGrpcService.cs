using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Answers;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;
using DocumentsBase = AgentCalls.Contracts.Conversation.V1.Documents.DocumentsBase;

namespace AgentCalls.Conversation.Service.Documents;

public sealed class DocumentsGrpcService(CurrentAgent agent, DocumentLibrary library, PassageSearch search, DocumentAnswerer answerer) : DocumentsBase
{
    private const int MaxQueryLength = 2000;

    public override Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context) =>
        library.ListAsync(agent.Id, context.CancellationToken);

    public override Task<GetDocumentResponse> GetDocument(GetDocumentRequest request, ServerCallContext context) =>
        library.GetAsync(agent.Id, request.DocumentId, context.CancellationToken);

    public override async Task<DeleteDocumentResponse> DeleteDocument(DeleteDocumentRequest request, ServerCallContext context)
    {
        await library.DeleteAsync(agent.Id, request.DocumentId, context.CancellationToken);
        return new DeleteDocumentResponse();
    }

    public override async Task<SearchDocumentsResponse> SearchDocuments(SearchDocumentsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        CheckText(request.Query, "query", violations);
        if (request.Limit is < 0 or > 50)
        {
            violations.Add("limit", "must be between 1 and 50, or 0 for 10.");
        }

        violations.ThrowIfAny();
        var results = await search.SearchAsync(agent.Id, request.Query, request.Limit == 0 ? 10 : request.Limit, context.CancellationToken);
        return new SearchDocumentsResponse
        {
            Results = { results.Select(r => new ScoredPassage { Passage = r.Passage.ToMessage(), Score = r.Score, TextRank = r.TextRank, VectorRank = r.VectorRank, Similarity = r.Similarity }) },
        };
    }

    public override async Task AskDocuments(AskDocumentsRequest request, IServerStreamWriter<AskDocumentsResponse> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        CheckText(request.Question, "question", violations);
        violations.ThrowIfAny();
        await answerer.AskAsync(agent.Id, request.Question, message => responseStream.WriteAsync(message, context.CancellationToken), context.CancellationToken);
    }

    private static void CheckText(string text, string field, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            violations.Add(field, "is required.");
        }
        else if (text.Length > MaxQueryLength)
        {
            violations.Add(field, $"must be at most {MaxQueryLength} characters.");
        }
    }
}
