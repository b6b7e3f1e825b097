using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Google.Protobuf.Reflection;
using Xunit;

namespace AgentCalls.TestSupport.BadInput;

/// <summary>One generated call of a REST method: the path with its variables filled, a query string, and a raw JSON body.</summary>
public sealed record GeneratedCall(RestMethod Method, string PathAndQuery, string? Body)
{
    public override string ToString() =>
        $"{Method.Verb} {PathAndQuery} {(Body is null ? "" : Body.Length > 400 ? Body[..400] + $"… ({Body.Length} chars)" : Body)}";
}

/// <summary>
/// The promise "bad input changes nothing" checked on a service's REST face with generated calls of every method it
/// exposes: no answer is a 5xx, a 400 names the fields at fault (<c>google.rpc.BadRequest</c>, which the gateway turns
/// into problem details), and a refused call leaves every row of the agent as it was.
/// </summary>
public static class RestFaceProperty
{
    private const long CompressionError = 0x9;

    public static Gen<GeneratedCall> Calls(RestMethod method)
    {
        var pathValues = method.PathFields
            // No NUL in a path: the server refuses it before any endpoint (the test server by throwing).
            .Select(_ => Gen.Frequency((3, Gen.Guid.Select(g => g.ToString())), (2, BadJson.Text.Select(t => t.Replace("\0", "", StringComparison.Ordinal)))))
            .Aggregate(Gen.Const(Array.Empty<string>()), (values, next) => Gen.Select(values, next, (a, b) => (string[])[.. a, b]));
        var query = method.Body == "*"
            ? Gen.Const("")
            : method.Rpc.InputType.Fields.InDeclarationOrder()
                .Where(f => f.FieldType != FieldType.Message && !method.PathFields.Contains(f.Name) && f.Name != method.Body)
                .Select(f => Gen.Frequency((2, Gen.Const("")), (1, BadJson.Text.Select(v => $"{f.JsonName}={Uri.EscapeDataString(v)}"))))
                .Append(Gen.Frequency((4, Gen.Const("")), (1, BadJson.Text.Select(v => $"unknownParameter={Uri.EscapeDataString(v)}"))))
                .Aggregate(Gen.Const(""), (all, next) => Gen.Select(all, next, (a, b) => a.Length == 0 || b.Length == 0 ? a + b : $"{a}&{b}"));
        var body = method.BodyMessage is { } message ? BadJson.Body(message).Select(b => (string?)b) : Gen.Const((string?)null);
        return Gen.Select(pathValues, query, body, (values, q, b) => new GeneratedCall(method, method.PathWith(values) + (q.Length > 0 ? "?" + q : ""), b));
    }

    /// <summary>
    /// Runs <paramref name="casesPerMethod"/> generated calls of each REST method of <c>agentcalls.<paramref name="service"/>.v1</c>
    /// as <paramref name="agent"/>, one at a time (each compared with the rows before it); answers the calls made.
    /// A failure names the seed that replays it (<see cref="Cases"/>).
    /// </summary>
    public static Task<int> HoldsAsync(
        HttpClient rest, SignedInAgent agent, string service, string connectionString, int casesPerMethod, CancellationToken cancellationToken) =>
        HoldsAsync(rest, _ => Task.FromResult(agent), service, connectionString, casesPerMethod, cancellationToken);

    /// <summary>
    /// As above, with the agent of each call from <paramref name="agentFor"/>: a fresh one for a method that ends the
    /// agent's account or sessions, so the calls after it are not all 401s.
    /// </summary>
    public static async Task<int> HoldsAsync(
        HttpClient rest, Func<RestMethod, Task<SignedInAgent>> agentFor, string service, string connectionString, int casesPerMethod,
        CancellationToken cancellationToken)
    {
        var methods = RestMethods.Of(service);
        Assert.NotEmpty(methods);
        var made = 0;
        foreach (var method in methods)
        {
            await Calls(method).CheckAsync(method.Rpc.FullName, casesPerMethod, async call =>
            {
                Interlocked.Increment(ref made);
                var agent = await agentFor(method);
                var before = await AgentTables.ChecksumsAsync(connectionString, agent.AgentId, cancellationToken);
                var (status, answer) = await SendAsync(rest, agent, call, cancellationToken);
                Assert.True((int)status < 500, $"{call} answered {(int)status}: {answer}");
                if (status == HttpStatusCode.BadRequest && Parse(answer) is { ValueKind: JsonValueKind.Object } refusal
                    && refusal.GetProperty("code").GetInt32() == (int)Grpc.Core.StatusCode.InvalidArgument && IsObjectOrAbsent(call.Body))
                {
                    // Only a body that is not a JSON object at all has no field to name.
                    Assert.True(new RestResponse(status, refusal).ViolatedFields().Length > 0, $"{call} was refused naming no field: {answer}");
                }

                if ((int)status >= 300)
                {
                    Assert.Equal(before, await AgentTables.ChecksumsAsync(connectionString, agent.AgentId, cancellationToken));
                }
            });
        }

        return made;
    }

    private static async Task<(HttpStatusCode Status, string Answer)> SendAsync(HttpClient rest, SignedInAgent agent, GeneratedCall call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method.Verb), call.PathAndQuery)
        {
            Version = rest.DefaultRequestVersion,
            VersionPolicy = rest.DefaultVersionPolicy,
        };
        request.Headers.Authorization = new("Bearer", agent.AccessToken);
        if (call.Body is not null)
        {
            request.Content = new StringContent(call.Body, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await rest.SendAsync(request, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException tooLong) when (request.Version.Major == 2
            && (tooLong is { HttpRequestError: HttpRequestError.Unknown, InnerException: null } || tooLong.InnerException is HttpProtocolException { ErrorCode: CompressionError }))
        {
            // HTTP/2 refuses headers past the server's limit (a huge query string) below any endpoint: the client does not
            // send them once it knows the limit (no error code, nothing underneath), and Kestrel closes the connection
            // with COMPRESSION_ERROR on a first request sent before the client knew it.
            return (HttpStatusCode.RequestHeaderFieldsTooLarge, tooLong.Message);
        }
    }

    private static bool IsObjectOrAbsent(string? body) => body is null || Parse(body).ValueKind == JsonValueKind.Object;

    private static JsonElement Parse(string answer)
    {
        try
        {
            return JsonDocument.Parse(answer).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
