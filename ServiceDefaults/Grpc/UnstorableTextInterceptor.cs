using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>
/// Refuses, field by field, request text that no service can store: Postgres text holds no NUL character, and a lone
/// UTF-16 surrogate (which JSON allows as <c>\ud800</c>) is not UTF-8 at all. Without this, such a string passes every
/// rule of the service and fails inside the database as a 500.
/// </summary>
public sealed class UnstorableTextInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private static void Check(object request)
    {
        if (request is IMessage message)
        {
            var violations = new FieldViolations();
            AddUnstorable(message, "", violations, depth: 0);
            violations.ThrowIfAny();
        }
    }

    private static void AddUnstorable(IMessage message, string prefix, FieldViolations violations, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var path = prefix + field.JsonName;
            var value = field.Accessor.GetValue(message);
            IEnumerable<object?> values = field.IsMap ? ((System.Collections.IDictionary)value).Values.Cast<object?>()
                : field.IsRepeated ? ((System.Collections.IEnumerable)value).Cast<object?>()
                : [value];
            foreach (var item in values)
            {
                if (item is string text && !IsStorable(text))
                {
                    violations.Add(path, "holds a NUL character or a broken surrogate pair.");
                    break;
                }

                if (item is IMessage inner && depth < 8)
                {
                    AddUnstorable(inner, path + ".", violations, depth + 1);
                }
            }
        }
    }

    private static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0' || (char.IsSurrogate(text[i]) && !(i + 1 < text.Length && char.IsSurrogatePair(text[i], text[++i]))))
            {
                return false;
            }
        }

        return true;
    }
}
