using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace AgentCalls.Bench.Knowledge;

/// <summary>A policy-like PDF of any length: each page a numbered section of ~250 words in four paragraphs.</summary>
public static class GeneratedPdf
{
    private static readonly string[] Sentences =
    [
        "The insured must report each loss promptly and protect the property from further damage.",
        "Coverage applies only to the premises shown on the declarations page and its attached structures.",
        "A separate deductible applies to each occurrence unless the schedule states otherwise.",
        "Payments under this section do not reduce the limit of liability for other coverages.",
        "The company may inspect the property at any reasonable time during the policy period.",
        "Any endorsement attached to this policy changes only the terms that it names.",
    ];

    public static byte[] Pages(int count)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var number = 1; number <= count; number++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.Letter);
            var y = 740.0;
            page.AddText($"Section {number}", 13, new PdfPoint(60, y), font);
            for (var paragraph = 0; paragraph < 4; paragraph++)
            {
                y -= 24;
                for (var line = 0; line < 6; line++)
                {
                    page.AddText(Sentences[(number + paragraph + line) % Sentences.Length], 10, new PdfPoint(60, y), font);
                    y -= 14;
                }
            }
        }

        return builder.Build();
    }
}
