using System.IO.Compression;
using System.Text;
using CsCheck;

namespace AgentCalls.TestSupport.BadInput;

/// <summary>
/// Generated agency documents that are not what their names say: a PDF cut off anywhere, a DOCX that is any zip renamed,
/// empty files, random bytes, text with NUL characters and invalid UTF-8; under names that are empty, long or odd.
/// </summary>
public static class BadDocuments
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
        "4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 72 720 Td (Flood cover) Tj ET\nendstream endobj\n" +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static readonly string[] Extensions = [".pdf", ".docx", ".md", ".txt", ".PDF", ".exe", ""];

    private static readonly Gen<string> Names = Gen.Frequency(
        (6, Gen.Int[0, Extensions.Length - 1].Select(i => "policy" + Extensions[i])),
        (1, Gen.Const("../../etc/passwd.pdf")),
        (1, Gen.Const(new string('n', 2_000) + ".md")),
        (1, Gen.Const("Überschwemmung 洪水 😀.txt")));

    private static readonly Gen<byte[]> Contents = Gen.Frequency(
        (3, Gen.Int[0, Pdf.Length - 1].Select(cut => Pdf[..cut])),
        (3, Gen.Byte.Array[0, 200].Select(Zip)),
        (1, Gen.Const(Array.Empty<byte>())),
        (2, Gen.Byte.Array[1, 2_000]),
        (2, Gen.String[0, 200].Select(text => Encoding.UTF8.GetBytes("# Flood\u0000 cover\n" + text).Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray())));

    /// <summary>A document's name and bytes.</summary>
    public static readonly Gen<(string Name, byte[] Bytes)> Files = Gen.Select(Names, Contents, (name, bytes) => (name, bytes));

    /// <summary>A zip holding one file that is no part of a Word document: what a renamed archive looks like.</summary>
    private static byte[] Zip(byte[] content)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = archive.CreateEntry("notes.bin").Open())
        {
            entry.Write(content);
        }

        return zip.ToArray();
    }
}
