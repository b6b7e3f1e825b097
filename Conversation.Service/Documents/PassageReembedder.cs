using System.ClientModel;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Service.Documents;

/// <summary>
/// After the embeddings model changes, re-embeds every document whose vectors are another model's, one document at a
/// time, oldest first; until its turn a document is found by full-text search only (vectors of two models are never
/// compared). Runs at start and every <see cref="EmbeddingsOptions.ReembedCheckInterval"/>, for documents a replica
/// still on the old setting uploaded. A document the endpoint refuses (a 4xx for its text) is passed over until the next
/// check, so it holds back no other; an endpoint that is down (5xx, 429, unreachable) ends the check. Progress is what
/// ListDocuments reports.
/// </summary>
public sealed class PassageReembedder(
    IServiceScopeFactory scopes, DocumentEmbedder embedder, IOptions<EmbeddingsOptions> options, ILogger<PassageReembedder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReembedCheckInterval);
        do
        {
            var refused = new HashSet<Guid>();
            try
            {
                while (await ReembedNextAsync(refused, stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The endpoint may be down; the next check tries again.
                LogFailed(logger, embedder.ModelId, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Re-embeds the oldest document of another model not <paramref name="refused"/> in this check; false when there is none.</summary>
    private async Task<bool> ReembedNextAsync(HashSet<Guid> refused, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
        var model = embedder.ModelId;
        var document = await db.Documents.AsNoTracking().Where(d => d.EmbeddingModel != model && !refused.Contains(d.Id)).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Title, d.EmbeddingModel }).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return false;
        }

        var passages = await db.Passages.Where(p => p.DocumentId == document.Id).OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);
        try
        {
            foreach (var batch in passages.Chunk(DocumentIngestion.EmbeddingBatch))
            {
                var vectors = await embedder.EmbedPassagesAsync(
                    [.. batch.Select(p => DocumentIngestion.EmbeddingText(document.Title, p.HeadingPath, p.Text))], cancellationToken);
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i].Embedding = vectors[i];
                }
            }
        }
        catch (ClientResultException e) when (e.Status is >= 400 and < 500 and not (408 or 429))
        {
            refused.Add(document.Id);
            LogRefused(logger, document.Id, model, e.Status, e);
            return true;
        }

        var written = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Deleted, or re-embedded by another replica, while this one embedded it: nothing to write.
            if (await db.Documents.Where(d => d.Id == document.Id && d.EmbeddingModel == document.EmbeddingModel)
                    .ExecuteUpdateAsync(set => set.SetProperty(d => d.EmbeddingModel, model), ct) == 0)
            {
                return false;
            }

            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
        if (written)
        {
            LogReembedded(logger, document.Id, passages.Count, model, null);
        }

        return true;
    }

    // Defined by hand: two logging source generators reach this project (see DocumentAnswerer).
    private static readonly Action<ILogger, Guid, int, string, Exception?> LogReembedded = LoggerMessage.Define<Guid, int, string>(
        LogLevel.Information, new EventId(1, "DocumentReembedded"), "Re-embedded document {DocumentId} ({Passages} passages) with {Model}.");

    private static readonly Action<ILogger, Guid, string, int, Exception?> LogRefused = LoggerMessage.Define<Guid, string, int>(
        LogLevel.Warning, new EventId(3, "DocumentReembeddingRefused"), "Document {DocumentId} was refused by {Model} ({Status}); the others go on, and it is tried again at the next check.");

    private static readonly Action<ILogger, string, Exception?> LogFailed = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(2, "ReembeddingFailed"), "Re-embedding documents with {Model} failed; trying again at the next check.");
}
