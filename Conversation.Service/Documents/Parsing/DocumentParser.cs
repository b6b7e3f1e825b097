using System.Text;

namespace AgentCalls.Conversation.Service.Documents.Parsing;

/// <summary>Picks the parser by the file's name and its first bytes, and refuses what it cannot read or what holds no text.</summary>
public static class DocumentParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ParsedDocument Parse(string fileName, byte[] content, int maxPages, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            throw new DocumentRejectedException("The file is empty.");
        }

        var parsed = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".pdf" => PdfDocumentParser.Parse(new MemoryStream(content), maxPages, cancellationToken),
            ".docx" => DocxDocumentParser.Parse(content, cancellationToken),
            ".md" or ".markdown" => MarkdownDocumentParser.Parse(DecodeText(content), cancellationToken),
            ".txt" or ".text" => PlainTextParser.Parse(DecodeText(content)),
            var other => throw new DocumentRejectedException(
                $"Files of type '{(other.Length == 0 ? "(none)" : other)}' are not indexed; upload PDF, DOCX, Markdown (.md) or text (.txt)."),
        };

        if (parsed.Blocks.Count == 0 || string.IsNullOrWhiteSpace(parsed.Text))
        {
            throw new DocumentRejectedException(parsed.Format == "pdf"
                ? "The PDF holds no text (a scanned PDF needs text recognition first)."
                : "The file holds no text.");
        }

        return parsed;
    }

    private static string DecodeText(byte[] content)
    {
        try
        {
            var text = StrictUtf8.GetString(content).TrimStart('\uFEFF');
            return text.Contains('\0') ? throw new DocumentRejectedException("The file is not text (it holds binary data).") : text;
        }
        catch (DecoderFallbackException)
        {
            throw new DocumentRejectedException("The file is not UTF-8 text.");
        }
    }
}
