using AgentCalls.Identity.Service.Agents;
using AgentCalls.Identity.Service.GoogleAccounts;
using AgentCalls.Identity.Service.SigningKeys;
using AgentCalls.Eventing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Identity.Service.Data;

/// <summary>
/// identitydb: agents, OpenIddict's applications/authorizations/tokens, the token signing keys and the
/// Data Protection key ring, and the vault of agents' Google tokens.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    public DbSet<GoogleConnection> GoogleConnections => Set<GoogleConnection>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Provider options shared by the running service and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention().UseOpenIddict();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly).AddEventingTables();
}
