using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace AgentCalls.Conversation.Service.Documents.Parsing;

/// <summary>PDF through PdfPig: page by page, each page's text in reading order split into its paragraphs.</summary>
// PdfPig throws many exception types on damaged files (format, index, null reference…); any of them means unreadable.
internal static class PdfDocumentParser
{
    public static ParsedDocument Parse(Stream content, int maxPages, CancellationToken cancellationToken)
    {
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentRejectedException("The PDF is encrypted (password-protected); upload a copy without a password.");
        }
        catch (Exception e) when (e is not (PdfDocumentEncryptedException or OperationCanceledException or DocumentRejectedException))
        {
            throw new DocumentRejectedException("The file is not a readable PDF.");
        }

        using (pdf)
        {
            if (pdf.IsEncrypted && !CanRead(pdf))
            {
                throw new DocumentRejectedException("The PDF is encrypted (password-protected); upload a copy without a password.");
            }

            if (pdf.NumberOfPages > maxPages)
            {
                throw new DocumentRejectedException($"The PDF has {pdf.NumberOfPages} pages; at most {maxPages} are indexed per document.", limitExceeded: true);
            }

            var builder = new DocumentTextBuilder();
            try
            {
                for (var number = 1; number <= pdf.NumberOfPages; number++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var pageText = ContentOrderTextExtractor.GetText(pdf.GetPage(number));
                    foreach (var paragraph in PlainTextParser.Paragraphs(pageText))
                    {
                        builder.Add(paragraph, number, []);
                    }
                }
            }
            catch (Exception e) when (e is not (PdfDocumentEncryptedException or OperationCanceledException or DocumentRejectedException))
            {
                throw new DocumentRejectedException("The PDF is damaged: some of its pages cannot be read.");
            }

            return builder.Build("pdf", pdf.NumberOfPages);
        }
    }

    private static bool CanRead(PdfDocument pdf)
    {
        try
        {
            _ = pdf.GetPage(1).Text;
            return true;
        }
        catch (PdfDocumentEncryptedException)
        {
            return false;
        }
    }
}
