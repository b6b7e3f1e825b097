namespace AgentCalls.Conversation.Service.Documents.Parsing;

/// <summary>A file's text and its structure: blocks whose offsets point into <see cref="Text"/>.</summary>
public sealed record ParsedDocument(string Format, string Text, int PageCount, IReadOnlyList<DocumentBlock> Blocks);

/// <summary>A paragraph, list or table: the smallest unit a passage is built from. A table is never split.</summary>
public sealed record DocumentBlock(int Start, int End, int? Page, IReadOnlyList<string> HeadingPath, bool KeepWhole = false);

/// <summary>Why a file cannot be indexed, in words for the agent; nothing of it is stored.</summary>
public sealed class DocumentRejectedException(string reason, bool limitExceeded = false) : Exception(reason)
{
    /// <summary>The file is readable but over a size, page or storage limit.</summary>
    public bool LimitExceeded { get; } = limitExceeded;
}
