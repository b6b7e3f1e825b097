using AgentCalls.Calendar.Service.Hosting;
using Microsoft.Extensions.Options;

namespace AgentCalls.Calendar.Service.Calls;

/// <summary>The title and description a call's event carries: whom to call, the number, a link back to the client in AgentCalls, notes.</summary>
public sealed class CallText(IOptions<CalendarOptions> options)
{
    public static string Title(string requested, ClientCard client) => requested.Trim() is { Length: > 0 } title ? title : $"Call with {client.Name}";

    public Uri ClientLink(Guid clientId) => new(options.Value.AppBaseUrl, $"clients/{clientId}");

    public string Description(ClientCard client, string notes)
    {
        var who = client.Phone.Length > 0 ? $"Call {client.Name} at {client.Phone}" : $"Call {client.Name} (no phone number on file)";
        var text = $"{who}\nClient record: {ClientLink(client.Id)}";
        return notes.Trim() is { Length: > 0 } trimmed ? $"{text}\n\n{trimmed}" : text;
    }
}
