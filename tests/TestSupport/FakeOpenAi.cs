using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentCalls.TestSupport;

/// <summary>
/// A local fake of the OpenAI-compatible API (<c>chat/completions</c> streamed and not, <c>embeddings</c>) on a real
/// port, for the production client pointed at <see cref="BaseUrl"/>. Tests script replies by a marker their prompt
/// contains, so tests sharing one fake do not see each other's replies, and read back what was sent.
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ScriptedReplies<FakeChatReply> scripted = new();
    private readonly ConcurrentQueue<FakeOpenAiRequest> requests = new();
    private readonly ConcurrentQueue<FakeOpenAiRequest> aborted = new();
    private readonly ConcurrentDictionary<string, bool> failingEmbeddings = new(StringComparer.Ordinal);
    private int chatCount;

    private FakeOpenAi(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The API's base URL, in place of https://api.openai.com/v1/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>How long every chat reply waits before its first byte, for tests of timeouts and latency.</summary>
    public TimeSpan TimeToFirstToken { get; set; }

    /// <summary>Every so many chat requests (the 10th, 20th, … for 10) answer 500, whatever was scripted; 0 for none.</summary>
    public int ServerErrorEvery { get; set; }

    /// <summary>Every chat request answers 500, as a provider that is down, until set back.</summary>
    public bool Down { get; set; }

    /// <summary>Everything sent, in arrival order.</summary>
    public IReadOnlyList<FakeOpenAiRequest> Requests => [.. requests];

    /// <summary>The chat requests the client aborted (closed the connection) before the reply was written to its end.</summary>
    public IReadOnlyList<FakeOpenAiRequest> Aborted => [.. aborted];

    public static async Task<FakeOpenAi> StartAsync()
    {
        var (app, origin) = FakeHost.Create();
        var fake = new FakeOpenAi(app, new Uri(origin, "v1/"));
        app.MapPost("/v1/chat/completions", fake.ChatAsync);
        app.MapPost("/v1/embeddings", fake.EmbeddingsAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next chat request whose body contains <paramref name="marker"/> gets <paramref name="reply"/> (in the order scripted).</summary>
    public void Reply(string marker, params FakeChatReply[] replies) => scripted.Add(marker, replies);

    /// <summary>As <see cref="Reply"/>, for requests to <paramref name="model"/> only (roles sharing the fake send different models).</summary>
    public void ReplyTo(string model, string marker, params FakeChatReply[] replies) => scripted.Add([$"\"model\":\"{model}\"", marker], replies);

    /// <summary>Every embeddings request whose body contains <paramref name="marker"/> answers 500, as a provider that is down.</summary>
    public void FailEmbeddings(string marker) => failingEmbeddings[marker] = true;

    /// <summary>The chat requests whose body contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<JsonObject> ChatRequestsContaining(string marker) =>
        [.. Requests.Where(r => r.Path.EndsWith("chat/completions", StringComparison.Ordinal) && r.Body.Contains(marker, StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.Body)!.AsObject())];

    private async Task ChatAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var received = new FakeOpenAiRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body);
        requests.Enqueue(received);
        try
        {
            await ReplyAsync(context, body);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            aborted.Enqueue(received);
        }
    }

    private async Task ReplyAsync(HttpContext context, string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var count = Interlocked.Increment(ref chatCount);
        // A fault leaves the scripted reply for the retry.
        var reply = Down || (ServerErrorEvery > 0 && count % ServerErrorEvery == 0)
            ? FakeChatReply.Error(StatusCodes.Status500InternalServerError)
            : scripted.Take(body) ?? FakeChatReply.Text("The fake has no reply scripted for this prompt.");
        if (TimeToFirstToken > TimeSpan.Zero)
        {
            await Task.Delay(TimeToFirstToken, context.RequestAborted);
        }

        if (reply.Status is { } status)
        {
            context.Response.StatusCode = status;
            if (reply.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
            }

            await context.Response.WriteAsJsonAsync(new { error = new { message = $"Fake error {status}.", type = "fake_error", code = status.ToString() } });
            return;
        }

        var model = request["model"]?.GetValue<string>() ?? "fake-model";
        if (request["stream"]?.GetValue<bool>() is true)
        {
            await StreamAsync(context, model, reply);
            return;
        }

        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.ToolCall is null ? reply.Content : null };
        if (reply.ToolCall is { } call)
        {
            message["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = call.Id, ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
            });
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = "chatcmpl-fake", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = reply.ToolCall is null ? "stop" : "tool_calls" }),
            ["usage"] = Usage(body, reply),
        });
    }

    private static async Task StreamAsync(HttpContext context, string model, FakeChatReply reply)
    {
        context.Response.ContentType = "text/event-stream";
        var sent = 0;
        async Task SendAsync(JsonObject delta, string? finishReason, JsonObject? usage = null)
        {
            var chunk = new JsonObject
            {
                ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model,
                ["choices"] = usage is null ? new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }) : new JsonArray(),
            };
            if (usage is not null)
            {
                chunk["usage"] = usage;
            }

            await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            sent++;
            if (reply.CutAfterChunks is { } cut && sent >= cut)
            {
                // The stream ends cleanly, with no finish reason and no [DONE], as a provider's proxy that gives up midway
                // ends it. (Aborting the connection instead can reset it before the client has read the response's head,
                // and the client then retries the request as if nothing had arrived.)
                throw new OperationCanceledException("The fake cut the stream.");
            }
        }

        try
        {
            if (reply.ToolCall is { } call)
            {
                await SendAsync(new JsonObject
                {
                    ["role"] = "assistant",
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0, ["id"] = call.Id, ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
                    }),
                }, null);
                foreach (var piece in Split(call.Arguments, reply.Pieces))
                {
                    await SendAsync(new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = piece } }) }, null);
                }

                await SendAsync(new JsonObject(), "tool_calls");
            }
            else
            {
                await SendAsync(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
                foreach (var piece in Split(reply.Content ?? "", reply.Pieces))
                {
                    await SendAsync(new JsonObject { ["content"] = piece }, null);
                    if (reply.PieceDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(reply.PieceDelay, context.RequestAborted);
                    }
                }

                await SendAsync(new JsonObject(), "stop");
            }

            await SendAsync(new JsonObject(), null, Usage("", reply));
            await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        }
        catch (OperationCanceledException) when (reply.CutAfterChunks is not null)
        {
            // The stream stops here, as when a provider drops it midway.
        }
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        requests.Enqueue(new FakeOpenAiRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
        if (failingEmbeddings.Keys.Any(marker => body.Contains(marker, StringComparison.Ordinal)))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Fake error 500.", type = "fake_error", code = "500" } });
            return;
        }

        var request = JsonNode.Parse(body)!.AsObject();
        var inputs = request["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToArray() : [request["input"]!.GetValue<string>()];
        var dimensions = request["dimensions"]?.GetValue<int>() ?? 64;
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list", ["model"] = request["model"]?.GetValue<string>() ?? "fake-embedding",
            ["data"] = new JsonArray([.. inputs.Select((text, i) => (JsonNode)new JsonObject
            {
                ["object"] = "embedding", ["index"] = i, ["embedding"] = new JsonArray([.. WordHashVector(text, dimensions).Select(v => (JsonNode)v)]),
            })]),
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Sum(WordCount), ["total_tokens"] = inputs.Sum(WordCount) },
        });
    }

    private static IEnumerable<string> Split(string text, int pieces)
    {
        var size = Math.Max(1, (int)Math.Ceiling(text.Length / (double)Math.Max(1, pieces)));
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    private static JsonObject Usage(string prompt, FakeChatReply reply)
    {
        var completion = WordCount(reply.Content ?? reply.ToolCall?.Arguments ?? "");
        var promptTokens = WordCount(prompt);
        return new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completion, ["total_tokens"] = promptTokens + completion };
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A bag-of-words vector: texts sharing words point the same way, which is all a fake needs.</summary>
    private static float[] WordHashVector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)((uint)StableHash(word) % (uint)dimensions)] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : [.. vector.Select(v => v / norm)];
    }

    private static int StableHash(string word) => Encoding.UTF8.GetBytes(word).Aggregate(17, (hash, b) => unchecked(hash * 31 + b));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>One request the fake received.</summary>
public sealed record FakeOpenAiRequest(string Path, string Authorization, string Body);

/// <summary>What the fake answers one chat request with.</summary>
public sealed record FakeChatReply
{
    public string? Content { get; init; }
    public FakeToolCall? ToolCall { get; init; }
    public int? Status { get; init; }
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How many deltas a streamed reply's text or tool arguments arrive in.</summary>
    public int Pieces { get; init; } = 3;

    /// <summary>How long a streamed text reply waits after each piece, for tests of a reply the caller abandons midway.</summary>
    public TimeSpan PieceDelay { get; init; }

    /// <summary>A streamed reply stops after this many chunks, without a finish reason.</summary>
    public int? CutAfterChunks { get; init; }

    public static FakeChatReply Text(string content, int pieces = 3) => new() { Content = content, Pieces = pieces };

    /// <summary>A call of <paramref name="name"/> whose JSON arguments arrive split across <paramref name="pieces"/> deltas when streamed.</summary>
    public static FakeChatReply Call(string name, string argumentsJson, int pieces = 4) =>
        new() { ToolCall = new FakeToolCall($"call_{Guid.NewGuid():N}", name, argumentsJson), Pieces = pieces };

    public static FakeChatReply Error(int status, TimeSpan? retryAfter = null) => new() { Status = status, RetryAfter = retryAfter };

    public static FakeChatReply CutMidway(string content, int afterChunks = 2) => new() { Content = content, Pieces = Math.Max(afterChunks + 1, 3), CutAfterChunks = afterChunks };
}

public sealed record FakeToolCall(string Id, string Name, string Arguments);
