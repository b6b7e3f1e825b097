using AgentCalls.Calendar.Service.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentCalls.Calendar.Service.Settings;

/// <summary>Reads an agent's scheduling settings (the defaults until changed) and replaces them.</summary>
public sealed class SettingsStore(CalendarDbContext db, TimeProvider time)
{
    public async Task<AgentSettings> GetAsync(Guid agentId, CancellationToken cancellationToken) =>
        await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.AgentId == agentId, cancellationToken) ?? AgentSettings.Defaults(agentId);

    /// <summary>Replaces the settings; a first save racing another first save of the agent's becomes an update of it.</summary>
    public async Task<AgentSettings> ReplaceAsync(AgentSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await SaveAsync(settings, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return await SaveAsync(settings, cancellationToken);
        }
    }

    private async Task<AgentSettings> SaveAsync(AgentSettings settings, CancellationToken cancellationToken)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.AgentId == settings.AgentId, cancellationToken);
        if (row is null)
        {
            row = new AgentSettings { AgentId = settings.AgentId, TimeZone = settings.TimeZone };
            db.Settings.Add(row);
        }

        row.TimeZone = settings.TimeZone;
        row.WorkingHours = [.. settings.WorkingHours.OrderBy(d => ((int)d.Day + 6) % 7)];
        row.CallLengthMinutes = settings.CallLengthMinutes;
        row.BufferMinutes = settings.BufferMinutes;
        row.ReminderMinutes = settings.ReminderMinutes;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }
}
