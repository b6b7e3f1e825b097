using System.Text.Json;
using CsCheck;
using Google.Protobuf.Reflection;

namespace AgentCalls.TestSupport.BadInput;

/// <summary>
/// Generated JSON for a proto message's REST body, written as raw text so that what a serializer would refuse to write
/// (a lone surrogate, a number past any range, a truncated document) can be sent too. Each field is left out, given a
/// value of its type (often an extreme one), given a value of another type, or null; unknown fields are sometimes added.
/// </summary>
public static class BadJson
{
    /// <summary>Strings that have broken services: empty, control and invisible characters, other scripts, huge.</summary>
    public static readonly Gen<string> Strings = Gen.Frequency(
        (3, Gen.String[0, 24].Select(Quote)),
        (2, Pick("\"\"", "\" \"", "\"Zoë Ñúñez-O'Brien\"", "\"李小龍\"", "\"👩‍👩‍👧 😀\"", "\"\\u202Eevil\"", "\"a\\u0000b\"",
            "\"\\ud800\"", "\"e\\u0301\"", "\"<script>alert(1)</script>\"", "\"'; DROP TABLE clients; --\"", "\"=HYPERLINK(\\\"http://x\\\")\"",
            "\"\\r\\n\\t\"", "\"00000000-0000-0000-0000-000000000000\"", "\"2026-13-45\"", "\"+1 555 0100\"", "\"not-an-email@\"")),
        (1, Gen.Guid.Select(g => Quote(g.ToString()))),
        (1, Gen.Int[1, 3].Select(n => Quote(new string('x', n switch { 1 => 256, 2 => 10_000, _ => 100_000 })))),
        (1, Gen.Const(Quote(string.Concat(Enumerable.Repeat("ß漢😀", 20_000))))));

    /// <summary>Numbers at and past the edges of every proto number type, and fractions where integers are due.</summary>
    public static readonly Gen<string> Numbers = Gen.Frequency(
        (3, Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, Pick("0", "-1", "-0", "1", "2147483647", "2147483648", "-2147483649", "4294967296", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e308", "1e400", "-1e400", "0.5", "-0.0001",
            "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"12\"", "\"1e3\"", "\"0x10\"")));

    /// <summary>A value of no particular type, for a field that expects something else.</summary>
    public static readonly Gen<string> WrongType = Pick("null", "true", "false", "[]", "{}", "[[[]]]", "{\"a\":{\"b\":1}}", "42", "-1", "\"text\"", "[1,\"a\",null]");

    private static readonly Gen<string> Timestamps = Gen.Frequency(
        (3, Gen.DateTime[new DateTime(1, 1, 1), new DateTime(9999, 12, 31)].Select(d => Quote(d.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)))),
        (2, Pick("\"2026-02-30T10:00:00Z\"", "\"2026-05-01T10:00:00+14:00\"", "\"0000-01-01T00:00:00Z\"", "\"10000-01-01T00:00:00Z\"",
            "\"2026-05-01\"", "\"yesterday\"", "\"\"", "1700000000")));

    private static readonly Gen<string> Durations = Pick("\"30s\"", "\"-5s\"", "\"0.000000001s\"", "\"315576000001s\"", "\"1h\"", "\"abc\"", "\"\"", "30");

    /// <summary>A whole body: mostly an object shaped (and misshaped) like <paramref name="message"/>, sometimes not JSON of an object at all.</summary>
    public static Gen<string> Body(MessageDescriptor message) => Gen.Frequency(
        (12, Message(message, depth: 0)),
        (1, Pick("", "null", "[]", "\"a\"", "42", "{", "{\"a\":", "{\"a\" 1}", "{}}", "\u00ff\u00fe{", "{\"a\":1,\"a\":2}")));

    /// <summary>An object with some of <paramref name="message"/>'s fields (by JSON name or proto name), and maybe unknown ones.</summary>
    public static Gen<string> Message(MessageDescriptor message, int depth) =>
        message.Fields.InDeclarationOrder().Select(field => Member(field, depth))
            .Append(Gen.Frequency((5, Gen.Const("")), (1, WrongType.Select(v => $"\"unknownField\":{v}"))))
            .Aggregate(Gen.Const(""), (members, member) => Gen.Select(members, member, (a, b) => a.Length == 0 || b.Length == 0 ? a + b : $"{a},{b}"))
            .Select(members => "{" + members + "}");

    /// <summary>The value for a query-string parameter or path segment: any of the above as text, unquoted.</summary>
    public static readonly Gen<string> Text = Gen.OneOf(Strings, Numbers, WrongType, Timestamps)
        .Select(json => json.StartsWith('"') && json.EndsWith('"') && json.Length >= 2 ? Unescape(json) : json);

    private static Gen<string> Member(FieldDescriptor field, int depth) => Gen.Frequency(
        (3, Gen.Const("")),
        (5, Value(field, depth)),
        (1, WrongType),
        (1, Gen.Const("null"))).SelectMany(value => value.Length == 0
            ? Gen.Const("")
            : Gen.Frequency((4, Gen.Const(field.JsonName)), (1, Gen.Const(field.Name))).Select(name => $"{Quote(name)}:{value}"));

    private static Gen<string> Value(FieldDescriptor field, int depth)
    {
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByNumber(2);
            return Gen.Select(Strings, Single(value, depth + 1), (k, v) => "{" + k + ":" + v + "}");
        }

        return field.IsRepeated
            ? Gen.Frequency(
                (4, Single(field, depth + 1).Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
                (depth == 0 ? 1 : 0, Single(field, depth + 1).Select(item => "[" + string.Join(",", Enumerable.Repeat(item.Length > 100 ? "{}" : item, 2_000)) + "]")))
            : Single(field, depth);
    }

    private static Gen<string> Single(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => Strings,
        FieldType.Bytes => Gen.Frequency((3, Gen.Byte.Array[0, 64].Select(b => Quote(Convert.ToBase64String(b)))), (1, Pick("\"not base64!\"", "\"===\""))),
        FieldType.Bool => Gen.Frequency((4, Pick("true", "false")), (1, Pick("\"true\"", "1", "\"yes\""))),
        FieldType.Float or FieldType.Double => Gen.Frequency((3, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "\"NaN\"")), (2, Numbers)),
        FieldType.Enum => Gen.Frequency(
            (4, Pick([.. field.EnumType.Values.Select(v => Quote(v.Name))])),
            (1, Pick("\"NOT_A_VALUE\"", "\"\"", "999", "-1", "1.5"))),
        FieldType.Message => field.MessageType.FullName switch
        {
            "google.protobuf.Timestamp" => Timestamps,
            "google.protobuf.Duration" => Durations,
            "google.protobuf.Struct" => Gen.Frequency((3, Gen.Const("{\"k\":\"v\",\"n\":[1,{\"deep\":null}]}")), (1, WrongType)),
            _ when depth >= 3 => Gen.Const("{}"),
            _ => Message(field.MessageType, depth + 1),
        },
        _ => Numbers,
    };

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>The text a JSON string literal holds; literals no JSON reader takes (a lone surrogate) are kept as written.</summary>
    private static string Unescape(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(json) ?? json;
        }
        catch (JsonException)
        {
            return json[1..^1];
        }
    }
}
