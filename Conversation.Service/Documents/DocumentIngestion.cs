using System.Security.Cryptography;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Conversation.Service.Documents.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentCalls.Conversation.Service.Documents;

/// <summary>
/// Indexes one uploaded file for one agent: parse, split into passages, embed, store, all or nothing. The same
/// bytes uploaded again answer the stored document. Parsing runs before anything is reported, so a file that
/// cannot be read is refused with its reason while the caller can still answer with an error status.
/// </summary>
public sealed class DocumentIngestion(ConversationDbContext db, DocumentEmbedder embedder, IOptions<DocumentsOptions> options, TimeProvider time)
{
    public const int EmbeddingBatch = 32;

    public async Task<PreparedDocument> PrepareAsync(Guid agentId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (content.LongLength > limits.MaxDocumentBytes)
        {
            throw new DocumentRejectedException($"The file is {content.LongLength:N0} bytes; at most {limits.MaxDocumentBytes:N0} are accepted.", limitExceeded: true);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var existing = await db.Documents.AsNoTracking().Where(d => d.AgentId == agentId && d.Sha256 == sha256).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return new PreparedDocument(agentId, fileName, content.LongLength, sha256, null, [], id);
        }

        var stored = await db.Documents.Where(d => d.AgentId == agentId).SumAsync(d => d.SizeBytes, cancellationToken);
        if (stored + content.LongLength > limits.MaxBytesPerAgent)
        {
            throw new DocumentRejectedException(
                $"Your documents take {stored:N0} bytes; this one would pass the limit of {limits.MaxBytesPerAgent:N0}. Delete some first.", limitExceeded: true);
        }

        var parsed = DocumentParser.Parse(fileName, content, limits.MaxPagesPerDocument, cancellationToken);
        return new PreparedDocument(agentId, fileName, content.LongLength, sha256, parsed, PassageSplitter.Split(parsed), null);
    }

    public async Task<IngestResult> StoreAsync(PreparedDocument prepared, IProgress<IngestProgress> progress, CancellationToken cancellationToken)
    {
        if (prepared.ExistingId is { } existing)
        {
            return new IngestResult(existing, Duplicate: true);
        }

        var parsed = prepared.Parsed!;
        var title = Path.GetFileName(prepared.FileName);
        progress.Report(new IngestProgress("parsed", prepared.Passages.Count, prepared.Passages.Count));
        var document = new Document
        {
            AgentId = prepared.AgentId, Title = title, Format = parsed.Format, Sha256 = prepared.Sha256, SizeBytes = prepared.SizeBytes,
            PageCount = parsed.PageCount, Text = parsed.Text, EmbeddingModel = embedder.ModelId, UploadedAt = time.GetUtcNow(),
        };

        var vectors = new List<float[]>(prepared.Passages.Count);
        foreach (var batch in prepared.Passages.Chunk(EmbeddingBatch))
        {
            progress.Report(new IngestProgress("embedding", vectors.Count, prepared.Passages.Count));
            var texts = batch.Select(p => EmbeddingText(title, p.HeadingPath, parsed.Text[p.Start..p.End])).ToArray();
            vectors.AddRange(await embedder.EmbedPassagesAsync(texts, cancellationToken));
        }

        progress.Report(new IngestProgress("saving", prepared.Passages.Count, prepared.Passages.Count));
        document.Passages = [.. prepared.Passages.Select((p, i) => new Passage
        {
            DocumentId = document.Id, AgentId = prepared.AgentId, Ordinal = i, Page = p.Page, HeadingPath = [.. p.HeadingPath], Heading = string.Join(" > ", p.HeadingPath),
            Text = parsed.Text[p.Start..p.End], StartOffset = p.Start, EndOffset = p.End, Embedding = vectors[i],
        })];
        db.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same file finished uploading in another request first.
            db.ChangeTracker.Clear();
            var first = await db.Documents.AsNoTracking().Where(d => d.AgentId == prepared.AgentId && d.Sha256 == prepared.Sha256).Select(d => d.Id).FirstAsync(cancellationToken);
            return new IngestResult(first, Duplicate: true);
        }

        return new IngestResult(document.Id, Duplicate: false);
    }

    /// <summary>What a passage is embedded as: the model ranks better knowing the document and the section (measured; NOTES-ENVIRONMENT.md).</summary>
    public static string EmbeddingText(string title, IReadOnlyList<string> headingPath, string text) =>
        headingPath.Count == 0 ? $"{title}: {text}" : $"{title} > {string.Join(" > ", headingPath)}: {text}";
}

/// <summary>A parsed, split file ready to be embedded and stored, or the id of the same file already stored.</summary>
public sealed record PreparedDocument(
    Guid AgentId, string FileName, long SizeBytes, string Sha256, ParsedDocument? Parsed, IReadOnlyList<PassageDraft> Passages, Guid? ExistingId);
