using System.Text;
using AgentCalls.Clients.Service.Import.Upload;

namespace AgentCalls.Clients.Tests;

/// <summary>The upload finds a file's encoding from its bytes, however they arrive in chunks.</summary>
public sealed class CsvShapeTests
{
    private const string Csv = "Name,City\r\n\"Álvarez, José\",São Paulo\r\nZoë Müller,Köln\r\n";

    [Fact]
    public void Feed_Utf8SplitInsideALetter_IsUtf8()
    {
        var shape = Shape(Encoding.UTF8.GetBytes(Csv), chunk: 1);

        Assert.Equal(("utf-8", 3), (shape.Encoding, shape.Records));
        Assert.Equal(Csv[11..], shape.SampleText(shape.Encoding));
    }

    [Fact]
    public void Feed_Windows1252_IsWindows1252AndReadsBackExactly()
    {
        var shape = Shape(AgencyExports.InWindows1252(Csv), chunk: 7);

        Assert.Equal(("windows-1252", null, 3), (shape.Encoding, shape.ByteOrderMark, shape.Records));
        Assert.Equal(Csv[11..], shape.SampleText(shape.Encoding));
        Assert.Equal(["utf-8", "windows-1252"], shape.Candidates);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Feed_AByteOrderMark_NamesTheEncoding(string name)
    {
        Encoding encoding = name switch { "utf-16le" => new UnicodeEncoding(false, true), "utf-16be" => new UnicodeEncoding(true, true), _ => new UTF8Encoding(true) };

        var shape = Shape([.. encoding.GetPreamble(), .. encoding.GetBytes(Csv)], chunk: 5);

        Assert.Equal((name, name, 3), (shape.Encoding, shape.ByteOrderMark, shape.Records));
        Assert.Equal("Name,City\r\n", shape.HeaderText(shape.Encoding));
        Assert.Equal(Csv[11..], shape.SampleText(shape.Encoding));
    }

    [Fact]
    public void Feed_LastRowWithoutALineBreak_IsInTheSample()
    {
        var shape = Shape(Encoding.UTF8.GetBytes("Name\nAnn"), chunk: 64);

        Assert.Equal((2, "Ann"), (shape.Records, shape.SampleText(shape.Encoding)));
    }

    private static CsvShape Shape(byte[] file, int chunk)
    {
        var shape = new CsvShape();
        for (var i = 0; i < file.Length; i += chunk)
        {
            shape.Feed(file.AsSpan(i, Math.Min(chunk, file.Length - i)));
        }

        shape.Finish();
        return shape;
    }
}
