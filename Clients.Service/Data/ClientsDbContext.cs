using AgentCalls.Clients.Service.Calls;
using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.History;
using AgentCalls.Clients.Service.Households;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;
using AgentCalls.Clients.Service.Import.Jobs;

namespace AgentCalls.Clients.Service.Data;

/// <summary>clientsdb: the agents' books of business. Every row carries the owning agent's id.</summary>
public sealed class ClientsDbContext(DbContextOptions<ClientsDbContext> options) : DbContext(options)
{
    public DbSet<Client> Clients => Set<Client>();

    public DbSet<Policy> Policies => Set<Policy>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<ScheduledCall> ScheduledCalls => Set<ScheduledCall>();

    public DbSet<BookSettings> BookSettings => Set<BookSettings>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    public DbSet<ImportJob> Imports => Set<ImportJob>();

    public DbSet<ImportFileChunk> ImportFileChunks => Set<ImportFileChunk>();

    public DbSet<ImportRowError> ImportErrors => Set<ImportRowError>();

    public DbSet<ImportPreviewRow> ImportPreview => Set<ImportPreviewRow>();

    /// <summary>Provider options shared by the running service and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder
            .HasPostgresExtension("pg_trgm")
            .ApplyConfigurationsFromAssembly(typeof(ClientsDbContext).Assembly)
            .AddEventingTables();
}
