using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.ServiceDefaults.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Data;

/// <summary>clientsdb: the agents' books of business. Every row carries the owning agent's id.</summary>
public sealed class ClientsDbContext(DbContextOptions<ClientsDbContext> options) : DbContext(options)
{
    public DbSet<Client> Clients => Set<Client>();

    public DbSet<Policy> Policies => Set<Policy>();

    /// <summary>Provider options shared by the running service and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClientsDbContext).Assembly).AddEventingTables();
}
