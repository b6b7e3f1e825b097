using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AgentCalls.Transcription.Service.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TranscriptionDbContext>
{
    public TranscriptionDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TranscriptionDbContext>().UseNpgsql("Host=localhost;Database=transcriptiondb");
        TranscriptionDbContext.Configure(options);
        return new TranscriptionDbContext(options.Options);
    }
}
