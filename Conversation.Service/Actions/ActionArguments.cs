using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCalls.Conversation.Service.Calls;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace AgentCalls.Conversation.Service.Actions;

/// <summary>An action's arguments: from and to the API's Struct, checked per kind before a proposal is made or run.</summary>
public static class ActionArguments
{
    public static JsonObject From(Struct? arguments) =>
        arguments is null ? [] : JsonNode.Parse(JsonFormatter.Default.Format(arguments))!.AsObject();

    public static Struct ToStruct(JsonObject arguments) => Struct.Parser.ParseJson(arguments.ToJsonString());

    public static string? Text(this JsonObject arguments, string name) =>
        arguments[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : null;

    public static int? Number(this JsonObject arguments, string name) =>
        arguments[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? (int)value.GetValue<double>() : null;

    /// <summary>Fails with field violations (named <c>arguments.&lt;name&gt;</c>) when the arguments cannot run.</summary>
    public static void Check(string kind, JsonObject arguments)
    {
        var violations = new FieldViolations();
        switch (kind)
        {
            case ActionKinds.ScheduleFollowUp:
                if (!DateTimeOffset.TryParse(arguments.Text("startTime"), out _))
                {
                    violations.Add("arguments.startTime", "is required, as an ISO 8601 time with its offset.");
                }

                break;
            case ActionKinds.AddNote:
                if (arguments.Text("text") is not { Length: > 0 and <= 2000 })
                {
                    violations.Add("arguments.text", "is required, at most 2000 characters.");
                }

                break;
            case ActionKinds.UpdateClient:
                if (arguments.Text("email") is null && arguments.Text("timeZone") is null)
                {
                    violations.Add("arguments", "name at least one of email, timeZone.");
                }

                break;
            case ActionKinds.SetOutcome:
                if (Outcomes.Parse(arguments.Text("outcome")) == Contracts.Conversation.V1.CallOutcome.Unspecified)
                {
                    violations.Add("arguments.outcome", "is not an outcome (reached, voicemail, no answer, callback requested, sold, renewed, quoted, lost, do not call).");
                }

                break;
            case ActionKinds.MarkDoNotCall:
                break;
            default:
                violations.Add("kind", $"is not one of {string.Join(", ", ActionKinds.All)}.");
                break;
        }

        violations.ThrowIfAny();
    }
}
