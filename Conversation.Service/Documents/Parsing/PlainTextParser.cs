using System.Text.RegularExpressions;

namespace AgentCalls.Conversation.Service.Documents.Parsing;

/// <summary>Plain text: paragraphs are separated by blank lines; the text is kept as uploaded so offsets are the file's own.</summary>
internal static partial class PlainTextParser
{
    public static ParsedDocument Parse(string text)
    {
        var blocks = new List<DocumentBlock>();
        foreach (Match paragraph in ParagraphPattern().Matches(text))
        {
            blocks.Add(new DocumentBlock(paragraph.Index, paragraph.Index + paragraph.Length, null, []));
        }

        return new ParsedDocument("text", text, 0, blocks);
    }

    /// <summary>The paragraphs of a text, trimmed.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        ParagraphPattern().Matches(text).Select(m => m.Value);

    // A run of lines with something on them, trimmed at both ends.
    [GeneratedRegex(@"\S(?:.|\n(?![ \t\r]*\n))*\S|\S", RegexOptions.None)]
    private static partial Regex ParagraphPattern();
}
