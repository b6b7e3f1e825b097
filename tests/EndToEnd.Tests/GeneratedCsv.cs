using System.Net;
using System.Text;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// A CSV body written while it is sent, with no length known up front (chunked transfer), as a browser streams a
/// file the gateway cannot see the end of; nothing of it is held in memory but the current line.
/// </summary>
public sealed class GeneratedCsv : HttpContent
{
    private readonly string header;
    private readonly long rows;
    private readonly Func<long, string> row;

    public GeneratedCsv(string header, long rows, Func<long, string> row)
    {
        (this.header, this.rows, this.row) = (header, rows, row);
        Headers.ContentType = new("text/csv");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(header.AsMemory(), cancellationToken);
        await writer.WriteAsync('\n');
        for (long i = 0; i < rows; i++)
        {
            await writer.WriteAsync(row(i).AsMemory(), cancellationToken);
            await writer.WriteAsync('\n');
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
