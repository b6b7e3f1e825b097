using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AgentCalls.Clients.Service.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ClientsDbContext>
{
    public ClientsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ClientsDbContext>().UseNpgsql("Host=localhost;Database=clientsdb");
        ClientsDbContext.Configure(options);
        return new ClientsDbContext(options.Options);
    }
}
