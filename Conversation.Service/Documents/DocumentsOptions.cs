using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Conversation.Service.Documents;

/// <summary>The section <c>Documents</c>: how much one upload and one agent may store.</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    [Range(1, 1L << 30)]
    public long MaxDocumentBytes { get; set; } = 20 * 1024 * 1024;

    [Range(1, 10_000)]
    public int MaxPagesPerDocument { get; set; } = 500;

    [Range(1, 1L << 40)]
    public long MaxBytesPerAgent { get; set; } = 200 * 1024 * 1024;
}
