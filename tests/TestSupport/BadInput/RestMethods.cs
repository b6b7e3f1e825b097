using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;

namespace AgentCalls.TestSupport.BadInput;

/// <summary>
/// One method of a service's REST face, as its <c>google.api.http</c> annotation declares it: the HTTP verb, the path
/// template with its <c>{field.path}</c> variables, and what the body carries (<c>*</c>, one field, or nothing).
/// </summary>
public sealed partial record RestMethod(MethodDescriptor Rpc, string Verb, string PathTemplate, string Body)
{
    /// <summary>The request fields the path binds (<c>client.client_id</c>), in the order they appear.</summary>
    public IReadOnlyList<string> PathFields { get; } = [.. PathVariable().Matches(PathTemplate).Select(m => m.Groups[1].Value)];

    /// <summary>The message the JSON body is read into: the request, or the one field <see cref="Body"/> names.</summary>
    public MessageDescriptor? BodyMessage => Body switch
    {
        "" => null,
        "*" => Rpc.InputType,
        _ => Rpc.InputType.FindFieldByName(Body).MessageType,
    };

    public string PathWith(IEnumerable<string> values)
    {
        using var next = values.GetEnumerator();
        return PathVariable().Replace(PathTemplate, _ => next.MoveNext() ? Uri.EscapeDataString(next.Current) : "");
    }

    public override string ToString() => $"{Verb} {PathTemplate} ({Rpc.FullName})";

    [GeneratedRegex(@"\{([a-z_.]+)(?:=[^}]*)?\}")]
    private static partial Regex PathVariable();
}

/// <summary>
/// Every REST method of a service, found from the <c>google.api.http</c> annotations of the descriptors compiled into
/// <c>Contracts</c>, so a method added later is exercised without a test naming it.
/// </summary>
public static class RestMethods
{
    /// <summary>The methods of the services in <c>agentcalls.<paramref name="service"/>.v1</c>.</summary>
    public static IReadOnlyList<RestMethod> Of(string service) =>
    [
        .. typeof(Contracts.Clients.V1.Clients).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", typeof(FileDescriptor))?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(file => file.Package == $"agentcalls.{service}.v1")
            .SelectMany(file => file.Services)
            .SelectMany(s => s.Methods)
            .Where(m => !m.IsClientStreaming)
            .Select(m => (Rpc: m, Rule: m.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))
            .Where(m => m.Rule is not null)
            .Select(m => new RestMethod(m.Rpc, m.Rule!.PatternCase.ToString().ToUpperInvariant(), Template(m.Rule), m.Rule.Body)),
    ];

    private static string Template(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        _ => throw new NotSupportedException($"No REST verb for {rule.PatternCase}."),
    };
}
