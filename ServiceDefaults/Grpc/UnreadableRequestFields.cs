using System.Globalization;
using System.Text.Json;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>
/// The fields of a transcoded REST request that JSON transcoding could not read into the gRPC request (a word where a
/// number is due, an unknown enum name, an unknown body field), found by reading the query parameters and the body's
/// properties one by one. Transcoding refuses such a request before the service runs, with a 400 that names no field;
/// these are the field violations it lacks.
/// </summary>
public static class UnreadableRequestFields
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static FieldViolations Find(MethodDescriptor method, HttpRule rule, IQueryCollection query, ReadOnlySpan<byte> body)
    {
        var violations = new FieldViolations();
        foreach (var (key, values) in query)
        {
            if (FieldAt(method.InputType, key) is { } field && values.Any(value => !IsReadable(field, value ?? "")))
            {
                violations.Add(key, $"is not a valid {TypeName(field)}.");
            }
        }

        if (rule.Body.Length == 0 || body.IsEmpty)
        {
            return violations;
        }

        var (message, prefix) = rule.Body == "*"
            ? (method.InputType, "")
            : (method.InputType.FindFieldByName(rule.Body).MessageType, method.InputType.FindFieldByName(rule.Body).JsonName + ".");
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            AddUnreadable(message, document.RootElement, prefix, violations);
        }
        catch (JsonException)
        {
            if (prefix.Length > 0)
            {
                violations.Add(prefix[..^1], "is not JSON.");
            }
        }

        return violations;
    }

    private static void AddUnreadable(MessageDescriptor message, JsonElement json, string prefix, FieldViolations violations)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            if (prefix.Length > 0)
            {
                violations.Add(prefix[..^1], $"is not a JSON object ({message.Name}).");
            }

            return;
        }

        foreach (var property in json.EnumerateObject())
        {
            var field = FieldNamed(message, property.Name);
            var path = prefix + (field?.JsonName ?? property.Name);
            var value = property.Value;
            if (field is null)
            {
                violations.Add(path, $"is not a field of {message.Name}.");
            }
            else if (value.ValueKind == JsonValueKind.Null && (field.IsRepeated || field.IsMap))
            {
                violations.Add(path, "is null; leave it out or send an empty list.");
            }
            else if (field.IsRepeated && !field.IsMap && value.ValueKind != JsonValueKind.Array)
            {
                violations.Add(path, "is not a JSON list.");
            }
            else if (field.IsRepeated && !field.IsMap)
            {
                // Each element on its own, so the one at fault is named and read as strictly as a single value.
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    AddUnreadable(message, field, property.Name, element, $"{path}[{index++}]", isElement: true, violations);
                }
            }
            else
            {
                AddUnreadable(message, field, property.Name, value, path, isElement: false, violations);
            }
        }
    }

    private static void AddUnreadable(
        MessageDescriptor message, FieldDescriptor field, string name, JsonElement value, string path, bool isElement, FieldViolations violations)
    {
        if (IsPlainMessage(field) && value.ValueKind == JsonValueKind.Object)
        {
            // Google.Protobuf's parser reads more than transcoding does (a number as a string), so a message is read
            // field by field rather than handed to it whole.
            AddUnreadable(field.MessageType, value, path + ".", violations);
        }
        else if (IsPlainMessage(field) && isElement)
        {
            violations.Add(path, $"is not a JSON object ({field.MessageType.Name}).");
        }
        else if (!IsReadable(message, field, name, value, isElement))
        {
            violations.Add(path, $"is not a valid {TypeName(field)}.");
        }
    }

    /// <summary>A message field transcoding reads as a JSON object of fields, unlike a map or a well-known type (a timestamp is a string).</summary>
    private static bool IsPlainMessage(FieldDescriptor field) =>
        field.FieldType == FieldType.Message && !field.IsMap && !field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal);

    private static bool IsReadable(MessageDescriptor message, FieldDescriptor field, string name, JsonElement value, bool isElement)
    {
        if (value.ValueKind == JsonValueKind.String && field.FieldType is not (FieldType.String or FieldType.Bytes or FieldType.Message))
        {
            // Transcoding takes a string only for an enum's name, a 64-bit integer or a float ("NaN"), read strictly ("1e3" is not an int64).
            return field.FieldType is FieldType.Enum or FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64
                or FieldType.Float or FieldType.Double && IsReadable(field, value.GetString()!);
        }

        var json = isElement ? $"[{value.GetRawText()}]" : value.GetRawText();
        try
        {
            Parser.Parse($"{{{JsonSerializer.Serialize(name)}:{json}}}", message);
            return true;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException or InvalidOperationException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Whether a query-string value converts to the field's type as transcoding converts it (invariant culture).</summary>
    private static bool IsReadable(FieldDescriptor field, string value) => field.FieldType switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        FieldType.Float or FieldType.Double => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        FieldType.Bool => bool.TryParse(value, out _),
        FieldType.Enum => field.EnumType.FindValueByName(value) is not null
            || (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && field.EnumType.FindValueByNumber(number) is not null),
        FieldType.Message => IsReadable(field.ContainingType, field, field.JsonName, JsonDocument.Parse(JsonSerializer.Serialize(value)).RootElement, isElement: false),
        _ => true,
    };

    /// <summary>The field a query key names (<c>filter.status</c>), by JSON or proto names.</summary>
    private static FieldDescriptor? FieldAt(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            if (field is not null && field.FieldType != FieldType.Message)
            {
                return null;
            }

            var within = field?.MessageType ?? message;
            field = FieldNamed(within, part);
            if (field is null)
            {
                return null;
            }
        }

        return field;
    }

    /// <summary>A field by its proto name or its JSON name, as transcoding accepts both.</summary>
    private static FieldDescriptor? FieldNamed(MessageDescriptor message, string name) =>
        message.FindFieldByName(name) ?? message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name);

    private static string TypeName(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Enum => field.EnumType.Name,
        FieldType.Message => field.MessageType.Name,
        _ => field.FieldType.ToString().ToLowerInvariant(),
    };
}
