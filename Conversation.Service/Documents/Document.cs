namespace AgentCalls.Conversation.Service.Documents;

/// <summary>An uploaded file, its extracted text and the passages it was split into.</summary>
public sealed class Document
{
    /// <summary>The longest title (the uploaded file's name) a document keeps.</summary>
    public const int MaxTitleLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgentId { get; set; }
    public required string Title { get; set; }
    public required string Format { get; set; }

    /// <summary>SHA-256 of the file's bytes, hex: the same file uploaded twice is one document.</summary>
    public required string Sha256 { get; set; }

    public long SizeBytes { get; set; }
    public int PageCount { get; set; }
    public required string Text { get; set; }

    /// <summary>The model that embedded its passages; vectors from different models are never compared.</summary>
    public required string EmbeddingModel { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
    public List<Passage> Passages { get; set; } = [];
}
