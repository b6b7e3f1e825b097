using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace AgentCalls.Conversation.Service.Documents.Parsing;

/// <summary>Markdown through Markdig: headings build the path; paragraphs, lists, quotes, code and tables are blocks with their spans in the source.</summary>
internal static class MarkdownDocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    public static ParsedDocument Parse(string source, CancellationToken cancellationToken)
    {
        var markdown = Markdown.Parse(source, Pipeline);
        var blocks = new List<DocumentBlock>();
        var headings = new List<string>();
        foreach (var block in markdown)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (block is HeadingBlock heading)
            {
                headings.RemoveRange(Math.Min(heading.Level - 1, headings.Count), Math.Max(0, headings.Count - (heading.Level - 1)));
                headings.Add(source.Substring(heading.Span.Start, heading.Span.Length).TrimStart('#').Trim());
                continue;
            }

            if (block is ThematicBreakBlock or LinkReferenceDefinitionGroup || block.Span.IsEmpty)
            {
                continue;
            }

            var end = Math.Min(source.Length, block.Span.End + 1);
            blocks.Add(new DocumentBlock(block.Span.Start, end, null, [.. headings], KeepWhole: block is Table));
        }

        return new ParsedDocument("markdown", source, 0, blocks);
    }
}
