using System.Text.Json;
using AgentCalls.Conversation.Service.Documents.Parsing;
using AgentCalls.ServiceDefaults.Authentication;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Service.Documents;

/// <summary>
/// <c>POST /api/conversation/documents?name=policy.pdf</c> with the file as the body. A file that cannot be indexed is
/// refused with problem details (400, or 413 over a limit) and leaves nothing behind; otherwise the answer is a stream
/// of JSON lines reporting progress (parsed, embedding n of m, saving) and ending with the stored document.
/// </summary>
public static class DocumentUploadEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapDocumentUpload(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/conversation/documents", UploadAsync).RequireAuthorization().DisableAntiforgery();

    private static async Task<IResult> UploadAsync(
        HttpContext context, string? name, CurrentAgent agent, DocumentIngestion ingestion, DocumentLibrary library, IOptions<DocumentsOptions> options, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        if (string.IsNullOrWhiteSpace(name))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Give the file's name, e.g. ?name=policy.pdf."] });
        }

        if (Path.GetFileName(name).Length > Document.MaxTitleLength)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"is longer than {Document.MaxTitleLength} characters."] });
        }

        var limit = options.Value.MaxDocumentBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + 1;
        }

        byte[] content;
        try
        {
            content = await ReadUpToAsync(context.Request.Body, limit + 1, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        if (content.LongLength > limit)
        {
            return TooLarge(limit);
        }

        PreparedDocument prepared;
        try
        {
            prepared = await ingestion.PrepareAsync(agent.Id, name, content, cancellationToken);
        }
        catch (DocumentRejectedException e)
        {
            return Results.Problem(title: "The document cannot be indexed.", detail: e.Message,
                statusCode: e.LimitExceeded ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        context.Response.ContentType = "application/x-ndjson";
        await context.Response.StartAsync(cancellationToken);
        var progress = new LineProgress(context.Response);
        IngestResult result;
        try
        {
            result = await ingestion.StoreAsync(prepared, progress, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The status is already sent; the last line says the upload failed (nothing was stored: one transaction).
            await progress.FlushAsync();
            LogFailed(loggers.CreateLogger(typeof(DocumentUploadEndpoint)), name, e);
            await WriteLineAsync(context.Response, new { stage = "failed", detail = "The document could not be indexed; try again." }, cancellationToken);
            return Results.Empty;
        }

        await progress.FlushAsync();
        var summary = await library.GetSummaryAsync(agent.Id, result.DocumentId, cancellationToken);
        await WriteLineAsync(context.Response, new { stage = "done", duplicate = result.Duplicate, document = JsonDocument.Parse(JsonFormatter.Default.Format(summary)) }, cancellationToken);
        return Results.Empty;
    }

    // Defined by hand: two logging source generators reach this project (see DocumentAnswerer).
    private static readonly Action<ILogger, string, Exception?> LogFailed = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(1, "UploadFailed"), "Indexing the uploaded document {Name} failed.");

    private static IResult TooLarge(long limit) =>
        Results.Problem(title: "The document cannot be indexed.", detail: $"The file is larger than {limit:N0} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static async Task<byte[]> ReadUpToAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= max)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static async Task WriteLineAsync(HttpResponse response, object line, CancellationToken cancellationToken)
    {
        await response.WriteAsync(JsonSerializer.Serialize(line, Json) + "\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Progress as JSON lines, written in order from the thread that reports it.</summary>
    private sealed class LineProgress(HttpResponse response) : IProgress<IngestProgress>
    {
        private Task pending = Task.CompletedTask;

        public void Report(IngestProgress value) =>
            pending = pending.ContinueWith(_ => WriteLineAsync(response, new { stage = value.Stage, done = value.Done, total = value.Total }, CancellationToken.None)).Unwrap();

        public Task FlushAsync() => pending;
    }
}
