using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// Every RPC in <c>Contracts</c>, found from the generated descriptors (so an RPC added later is found too), and a way to
/// call any unary one with a request built from JSON, without its generated client.
/// </summary>
public static class ContractRpcs
{
    /// <summary>Fields that name something the caller chose, not a row to look up: an idempotency key, the agency's own number.</summary>
    private static readonly HashSet<string> NotReferences = ["request_id", "external_id"];

    public static IReadOnlyList<MethodDescriptor> All { get; } =
    [
        .. typeof(Contracts.Clients.V1.Clients).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", typeof(FileDescriptor))?.GetValue(null))
            .OfType<FileDescriptor>()
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods),
    ];

    /// <summary>"clients" for agentcalls.clients.v1: the AppHost resource that serves the method.</summary>
    public static string Resource(MethodDescriptor method) => method.Service.File.Package.Split('.')[1];

    /// <summary>The paths of the request's fields that reference a row by id (e.g. <c>policy.client_id</c>), two messages deep.</summary>
    public static IReadOnlyList<string> IdFields(MethodDescriptor method) => IdFields(method.InputType, "", depth: 0);

    public static async Task<(StatusCode Status, IMessage? Response)> CallAsync(CallInvoker invoker, MethodDescriptor method, string json, Metadata headers, CancellationToken cancellationToken)
    {
        var request = JsonParser.Default.Parse(json, method.InputType);
        var unary = new Method<IMessage, IMessage>(
            MethodType.Unary, method.Service.FullName, method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
        try
        {
            return (StatusCode.OK, await invoker.AsyncUnaryCall(unary, null, new CallOptions(headers, cancellationToken: cancellationToken), request));
        }
        catch (RpcException e)
        {
            return (e.StatusCode, null);
        }
    }

    private static List<string> IdFields(MessageDescriptor message, string prefix, int depth) =>
    [
        .. message.Fields.InDeclarationOrder().SelectMany(field => field switch
        {
            { FieldType: FieldType.String } when (field.Name == "id" || field.Name.EndsWith("_id", StringComparison.Ordinal)) && !NotReferences.Contains(field.Name) =>
                [prefix + field.Name],
            { FieldType: FieldType.Message } when depth < 2 && !field.MessageType.FullName.StartsWith("google.", StringComparison.Ordinal) =>
                IdFields(field.MessageType, $"{prefix}{field.Name}.", depth + 1),
            _ => [],
        }),
    ];
}
