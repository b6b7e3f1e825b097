using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentCalls.TestSupport;

/// <summary>The fakes' JSON: web defaults with enums by name, as their control endpoints read it.</summary>
public static class FakeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
