using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AgentCalls.Calendar.Service.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CalendarDbContext>
{
    public CalendarDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CalendarDbContext>().UseNpgsql("Host=localhost;Database=calendardb");
        CalendarDbContext.Configure(options);
        return new CalendarDbContext(options.Options);
    }
}
