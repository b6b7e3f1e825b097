using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Calls;

/// <summary>
/// Calendar keeps the client's name with each call so the calendar reads without asking Clients; a renamed client's
/// calls take the new name. Events arrive in order per client, so the last rename wins.
/// </summary>
public sealed class ClientRenamedHandler(CalendarDbContext db) : IEventHandler<ClientUpdated>
{
    private const string DisplayNameField = "displayName";

    public async Task HandleAsync(ClientUpdated @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (@event.Change != ChangeKind.Updated || !@event.ChangedFields.Contains(DisplayNameField)
            || !Guid.TryParse(@event.AgentId, out var agentId) || !Guid.TryParse(@event.ClientId, out var clientId))
        {
            return;
        }

        var name = @event.DisplayName.Length > 200 ? @event.DisplayName[..200] : @event.DisplayName;
        await db.Events.Where(e => e.AgentId == agentId && e.ClientId == clientId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.ClientName, name), cancellationToken);
    }
}
