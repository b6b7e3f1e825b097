using System.Text;

namespace AgentCalls.Conversation.Service.Documents.Parsing;

/// <summary>Builds a document's text block by block (blank line between blocks), remembering where each block lies.</summary>
internal sealed class DocumentTextBuilder
{
    private readonly StringBuilder text = new();
    private readonly List<DocumentBlock> blocks = [];

    public void Add(string blockText, int? page, IReadOnlyList<string> headingPath, bool keepWhole = false)
    {
        blockText = blockText.Trim();
        if (blockText.Length == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        var start = text.Length;
        text.Append(blockText);
        blocks.Add(new DocumentBlock(start, text.Length, page, headingPath, keepWhole));
    }

    public ParsedDocument Build(string format, int pageCount) => new(format, text.ToString(), pageCount, blocks);
}
