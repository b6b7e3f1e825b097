using AgentCalls.Conversation.Service.Documents;
using AgentCalls.Conversation.Service.Documents.Parsing;

namespace AgentCalls.Conversation.Tests.Documents;

/// <summary>Each format split along its structure into passages that point at the right place of the document's text.</summary>
public sealed class DocumentParsingTests
{
    private static (ParsedDocument Parsed, IReadOnlyList<PassageDraft> Passages) Split(string name, byte[] content)
    {
        var parsed = DocumentParser.Parse(name, content, 100, TestContext.Current.CancellationToken);
        return (parsed, PassageSplitter.Split(parsed));
    }

    private static string TextOf(ParsedDocument parsed, PassageDraft passage) => parsed.Text[passage.Start..passage.End];

    [Fact]
    public void Markdown_Sections_BecomePassagesUnderTheirHeadingPath()
    {
        var (parsed, passages) = Split("ho3.md", SampleDocuments.Markdown());

        var water = Assert.Single(passages, p => TextOf(parsed, p).Contains("$10,000"));
        Assert.Equal(["Homeowners Policy HO-3", "Section I - Property Coverages", "Water Backup"], water.HeadingPath);
        Assert.DoesNotContain("Flood damage", TextOf(parsed, water));
        Assert.StartsWith("Water backup of sewers", TextOf(parsed, water));
    }

    [Fact]
    public void Markdown_Table_IsKeptWholeInOnePassage()
    {
        var (parsed, passages) = Split("ho3.md", SampleDocuments.Markdown());

        var table = Assert.Single(passages, p => TextOf(parsed, p).Contains("| Dwelling"));
        Assert.Contains("| Other structures | $35,000 |", TextOf(parsed, table));
    }

    [Fact]
    public void Pdf_Pages_AreKeptApartAndNumbered()
    {
        var (parsed, passages) = Split("auto.pdf", SampleDocuments.AutoGuidePdf());

        Assert.Equal(2, parsed.PageCount);
        Assert.Equal([1, 2], passages.Select(p => p.Page));
        Assert.Contains("$40 per day", TextOf(parsed, passages[0]));
        Assert.Contains("towing up to 15 miles", TextOf(parsed, passages[1]));
    }

    [Fact]
    public void Docx_HeadingsListsAndTables_KeepTheirStructure()
    {
        var (parsed, passages) = Split("umbrella.docx", SampleDocuments.UmbrellaDocx());

        var adds = Assert.Single(passages, p => TextOf(parsed, p).Contains("$1,000,000"));
        Assert.Equal(["Umbrella Policy", "What the umbrella adds"], adds.HeadingPath);
        Assert.Contains("• It covers libel, slander and false arrest claims.", TextOf(parsed, adds));
        var limits = Assert.Single(passages, p => p.HeadingPath.SequenceEqual(["Umbrella Policy", "Limits"]));
        Assert.Contains("Auto liability | $250,000 / $500,000\nHome liability | $300,000", TextOf(parsed, limits));
    }

    [Fact]
    public void Text_LongParagraphs_AreCutAtSentencesIntoPassagesOfAFewHundredWords()
    {
        var sentence = "The agent reviews every renewal with the client before the policy term ends. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 60)) + "\n\nA closing paragraph about claims, long enough to stand on its own as a passage of the guide for agents.";

        var (parsed, passages) = Split("guide.txt", SampleDocuments.Text(text));

        Assert.True(passages.Count >= 3, $"{passages.Count} passages");
        Assert.All(passages, p => Assert.InRange(PassageSplitter.WordCount(TextOf(parsed, p)), 20, PassageSplitter.TargetWords + 20));
        Assert.All(passages.SkipLast(1), p => Assert.EndsWith(".", TextOf(parsed, p)));
    }

    [Fact]
    public void ShortSection_JoinsTheNextInsteadOfStandingAlone()
    {
        var markdown = "# Guide\n\n## Contacts\n\nCall us.\n\n## Claims\n\n" + string.Concat(Enumerable.Repeat("Report a claim within thirty days of the loss to keep coverage. ", 6));

        var (parsed, passages) = Split("guide.md", SampleDocuments.Text(markdown));

        var only = Assert.Single(passages);
        Assert.Contains("Call us.", TextOf(parsed, only));
        Assert.Equal(["Guide"], only.HeadingPath);
    }

    [Theory]
    [InlineData("broken.pdf", "not a readable PDF")]
    [InlineData("locked.docx", "encrypted")]
    [InlineData("locked.pdf", "encrypted")]
    [InlineData("empty.txt", "empty")]
    [InlineData("blank.md", "no text")]
    [InlineData("sheet.xlsx", "not indexed")]
    public void UnreadableFiles_AreRefusedWithTheirReason(string name, string reason)
    {
        byte[] content = name switch
        {
            "broken.pdf" => SampleDocuments.MalformedPdf(),
            "locked.docx" => SampleDocuments.EncryptedDocx(),
            "locked.pdf" => SampleDocuments.EncryptedPdf(),
            "blank.md" => SampleDocuments.Text("   \n\n  "),
            "sheet.xlsx" => [1, 2, 3],
            _ => [],
        };

        var refused = Assert.Throws<DocumentRejectedException>(() => DocumentParser.Parse(name, content, 100, TestContext.Current.CancellationToken));

        Assert.Contains(reason, refused.Message);
    }
}
