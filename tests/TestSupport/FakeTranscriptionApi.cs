using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentCalls.TestSupport;

/// <summary>
/// A local fake of the OpenAI-compatible <c>audio/transcriptions</c> endpoint as Groq publishes it, on a real port, for
/// the production client pointed at <see cref="BaseUrl"/>: a multipart upload with <c>file</c> and <c>model</c>;
/// <c>response_format</c> json, verbose_json (with segments) or text; 400 for a file that is not audio of a supported
/// type, 413 for a file over <see cref="MaxFileBytes"/>, 429 with Retry-After when scripted. Tests script replies by a
/// marker their prompt contains, so tests sharing one fake do not see each other's replies, and read back what was sent.
/// </summary>
public sealed class FakeTranscriptionApi : IAsyncDisposable
{
    /// <summary>The types Groq names when it refuses a file.</summary>
    public const string SupportedTypes = "[flac mp3 mp4 mpeg mpga m4a ogg opus wav webm]";

    private readonly WebApplication app;
    private readonly ScriptedReplies<FakeTranscriptionReply> scripted = new();
    private readonly ConcurrentQueue<FakeTranscriptionRequest> requests = new();

    private FakeTranscriptionApi(WebApplication app, Uri baseUrl, long maxFileBytes)
    {
        this.app = app;
        BaseUrl = baseUrl;
        MaxFileBytes = maxFileBytes;
    }

    /// <summary>The API's base URL, in place of https://api.groq.com/openai/v1/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The largest file accepted (Groq's free tier: 25 MB); a larger one gets 413. Kestrel's own body limit (30 MB) is above it.</summary>
    public long MaxFileBytes { get; }

    /// <summary>Everything accepted as a well-formed upload, in arrival order.</summary>
    public IReadOnlyList<FakeTranscriptionRequest> Requests => [.. requests];

    public static async Task<FakeTranscriptionApi> StartAsync(long maxFileBytes = 25 * 1024 * 1024)
    {
        var (app, origin) = FakeHost.Create();
        var fake = new FakeTranscriptionApi(app, new Uri(origin, "openai/v1/"), maxFileBytes);
        app.MapPost("/openai/v1/audio/transcriptions", fake.TranscribeAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next requests whose prompt contains <paramref name="marker"/> get <paramref name="replies"/>, in order.</summary>
    public void Reply(string marker, params FakeTranscriptionReply[] replies) => scripted.Add(marker, replies);

    /// <summary>The requests whose prompt contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<FakeTranscriptionRequest> RequestsWithPrompt(string marker) =>
        [.. Requests.Where(r => r.Prompt.Contains(marker, StringComparison.Ordinal))];

    private async Task TranscribeAsync(HttpContext context)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 401, "Invalid API Key", "invalid_api_key");
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await ErrorAsync(context, 400, "request Content-Type isn't multipart/form-data", "invalid_request_error");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file");
        var model = form["model"].ToString();
        var format = form["response_format"] is { Count: > 0 } f ? f.ToString() : "json";
        if (file is null || model.Length == 0)
        {
            await ErrorAsync(context, 400, file is null ? "file is required" : "model is required", "invalid_request_error");
            return;
        }

        if (file.Length > MaxFileBytes)
        {
            await ErrorAsync(context, 413, $"Request Entity Too Large: the file is {file.Length} bytes, the limit {MaxFileBytes}", "invalid_request_error");
            return;
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, context.RequestAborted);
        var bytes = content.ToArray();
        if (!IsSupportedAudio(file.FileName, bytes))
        {
            await ErrorAsync(context, 400, $"file must be one of the following types: {SupportedTypes}", "invalid_request_error");
            return;
        }

        if (format is not ("json" or "verbose_json" or "text"))
        {
            await ErrorAsync(context, 400, "response_format must be one of json, verbose_json, text", "invalid_request_error");
            return;
        }

        var request = new FakeTranscriptionRequest(context.Request.Headers.Authorization.ToString(), model, form["prompt"].ToString(), form["language"].ToString(), format, file.FileName, bytes);
        requests.Enqueue(request);
        var reply = scripted.Take(request.Prompt) ?? FakeTranscriptionReply.Text("");
        if (reply.Status is { } status)
        {
            if (reply.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
            }

            await ErrorAsync(context, status, reply.Content, status == 429 ? "rate_limit_exceeded" : "invalid_request_error");
            return;
        }

        await AnswerAsync(context, format, reply.Content, WavSeconds(bytes));
    }

    private static async Task AnswerAsync(HttpContext context, string format, string text, double seconds)
    {
        if (format == "text")
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(text, context.RequestAborted);
            return;
        }

        var body = new JsonObject { ["text"] = text, ["x_groq"] = new JsonObject { ["id"] = $"req_{Guid.NewGuid():N}" } };
        if (format == "verbose_json")
        {
            body["task"] = "transcribe";
            body["language"] = "English";
            body["duration"] = seconds;
            body["segments"] = text.Length == 0 ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["id"] = 0, ["seek"] = 0, ["start"] = 0.0, ["end"] = seconds, ["text"] = text, ["tokens"] = new JsonArray(),
                ["temperature"] = 0.0, ["avg_logprob"] = -0.1, ["compression_ratio"] = 1.0, ["no_speech_prob"] = 0.01,
            });
        }

        await context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string message, string type)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message, type } }, context.RequestAborted);
    }

    /// <summary>A known extension and the bytes that type starts with.</summary>
    private static bool IsSupportedAudio(string fileName, byte[] bytes)
    {
        var at = (int offset, string magic) => bytes.Length >= offset + magic.Length && bytes.AsSpan(offset, magic.Length).SequenceEqual(magic.Select(c => (byte)c).ToArray());
        return Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant() switch
        {
            "wav" => at(0, "RIFF") && at(8, "WAVE"),
            "flac" => at(0, "fLaC"),
            "ogg" or "opus" => at(0, "OggS"),
            "mp3" or "mpeg" or "mpga" => at(0, "ID3") || (bytes.Length > 1 && bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0),
            "mp4" or "m4a" => at(4, "ftyp"),
            "webm" => bytes.Length >= 4 && bytes.AsSpan(0, 4).SequenceEqual(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }),
            _ => false,
        };
    }

    /// <summary>A canonical WAV's length from its header (0 for other types).</summary>
    private static double WavSeconds(byte[] bytes)
    {
        if (bytes.Length < 44 || bytes[0] != 'R')
        {
            return 0;
        }

        var byteRate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(28));
        var dataBytes = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(40));
        return byteRate == 0 ? 0 : dataBytes / (double)byteRate;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>One well-formed upload the fake received.</summary>
public sealed record FakeTranscriptionRequest(string Authorization, string Model, string Prompt, string Language, string ResponseFormat, string FileName, byte[] File);

/// <summary>What the fake answers one transcription request with.</summary>
public sealed record FakeTranscriptionReply
{
    public string Content { get; init; } = "";
    public int? Status { get; init; }
    public TimeSpan? RetryAfter { get; init; }

    public static FakeTranscriptionReply Text(string content) => new() { Content = content };

    /// <summary>An error whose body's <c>error.message</c> is <see cref="Content"/>.</summary>
    public static FakeTranscriptionReply Error(int status, TimeSpan? retryAfter = null) =>
        new() { Status = status, RetryAfter = retryAfter, Content = status == 429 ? "Rate limit reached for model; please try again later." : $"Fake error {status}." };

    /// <summary>What the provider says of a file it cannot decode, though its name says a supported type.</summary>
    public static FakeTranscriptionReply UnsupportedMedia() =>
        new() { Status = 400, Content = $"file must be one of the following types: {FakeTranscriptionApi.SupportedTypes}" };
}
