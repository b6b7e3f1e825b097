using AgentCalls.Clients.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Settings;

/// <summary>Reads an agent's settings, or the defaults for an agent who never changed them.</summary>
public sealed class BookSettingsStore(ClientsDbContext db)
{
    public async Task<BookSettings> GetAsync(Guid agentId, CancellationToken cancellationToken) =>
        await db.BookSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgentId == agentId, cancellationToken)
        ?? new BookSettings { AgentId = agentId };
}
