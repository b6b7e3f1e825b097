using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AgentCalls.Conversation.Service.Documents.Parsing;

/// <summary>DOCX through the Open XML SDK: headings (Heading1…9 styles or outline levels) build the path; paragraphs, list items and whole tables are blocks.</summary>
internal static class DocxDocumentParser
{
    // A password-protected Office file is an OLE compound file holding the encrypted package, not a zip.
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static ParsedDocument Parse(byte[] content, CancellationToken cancellationToken)
    {
        if (content.AsSpan().StartsWith(CompoundFileSignature))
        {
            throw new DocumentRejectedException("The Word document is encrypted (password-protected); upload a copy without a password.");
        }

        try
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(content), isEditable: false);
            var body = word.MainDocumentPart?.Document?.Body ?? throw new DocumentRejectedException("The Word document has no body.");
            var builder = new DocumentTextBuilder();
            var headings = new List<string>();
            foreach (var element in body.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (element)
                {
                    case Paragraph paragraph when HeadingLevel(paragraph, word) is { } level:
                        headings.RemoveRange(Math.Min(level - 1, headings.Count), Math.Max(0, headings.Count - (level - 1)));
                        headings.Add(paragraph.InnerText.Trim());
                        break;
                    case Paragraph paragraph:
                        var prefix = paragraph.ParagraphProperties?.NumberingProperties is not null ? "• " : "";
                        builder.Add(prefix + paragraph.InnerText, null, [.. headings]);
                        break;
                    case Table table:
                        var rows = table.Elements<TableRow>().Select(row => string.Join(" | ", row.Elements<TableCell>().Select(cell => cell.InnerText.Trim())));
                        builder.Add(string.Join("\n", rows), null, [.. headings], keepWhole: true);
                        break;
                }
            }

            return builder.Build("docx", 0);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException)
        {
            throw new DocumentRejectedException("The file is not a readable Word (.docx) document.");
        }
    }

    private static int? HeadingLevel(Paragraph paragraph, WordprocessingDocument word)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
        {
            return outline + 1;
        }

        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        if (styleId is null)
        {
            return null;
        }

        var styleName = word.MainDocumentPart?.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .FirstOrDefault(s => s.StyleId?.Value == styleId)?.StyleName?.Val?.Value ?? styleId;
        var name = styleName.Replace(" ", "", StringComparison.Ordinal);
        if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(7), out var level) && level is >= 1 and <= 9
            ? level
            : null;
    }
}
