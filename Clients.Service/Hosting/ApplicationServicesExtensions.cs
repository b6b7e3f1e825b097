using AgentCalls.Clients.Service.Agents;
using AgentCalls.Clients.Service.CallQueue;
using AgentCalls.Clients.Service.Calls;
using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Export;
using AgentCalls.Clients.Service.History;
using AgentCalls.Clients.Service.Import;
using AgentCalls.Clients.Service.Households;
using AgentCalls.Clients.Service.Policies;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.Eventing.Database;
using AgentCalls.Eventing;
using AgentCalls.ServiceDefaults.Grpc;
using Npgsql;
using AgentCalls.Clients.Service.Import.Jobs;
using AgentCalls.Clients.Service.Import.Upload;

namespace AgentCalls.Clients.Service.Hosting;

public static class ApplicationServicesExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ClientsDbContext>("clientsdb", ClientsDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddEventing<ClientsDbContext>()
            .Subscribe<AgentDeleted, AgentDeletedHandler>()
            .Subscribe<CallLogged, CallLoggedHandler>()
            .Subscribe<CallScheduled, ScheduledCallsHandler>()
            .Subscribe<CallRescheduled, ScheduledCallsHandler>()
            .Subscribe<CallCancelled, ScheduledCallsHandler>();
        builder.AddAgentAuthentication();
        builder.AddGrpcApi();

        builder.Services.AddScoped<BookSettingsStore>();
        builder.Services.AddScoped<BookSettingsEditor>();
        builder.Services.AddScoped<ClientSearch>();
        builder.Services.AddScoped<ClientReader>();
        builder.Services.AddScoped<ClientWriter>();
        builder.Services.AddScoped<ClientHistory>();
        builder.Services.AddScoped<PolicyReader>();
        builder.Services.AddScoped<PolicyWriter>();
        builder.Services.AddScoped<HouseholdBook>();
        builder.AddCallQueue();
        builder.AddImports();
        return builder;
    }

    /// <summary>The call queue: its ranking, read and kept up to date as it is read, and ranked ahead of each agent's day.</summary>
    private static void AddCallQueue(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallQueueOptions>()
            .BindConfiguration(CallQueueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<CallQueueRefresh>();
        builder.Services.AddScoped<CallQueueRanking>();
        builder.Services.AddSingleton<CallQueuePreranker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CallQueuePreranker>());
    }

    /// <summary>CSV import (upload, a background worker over jobs in clientsdb) and export.</summary>
    private static void AddImports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The merge's statements are planned once per batch and run in a fraction of a second: compiling them with
        // Postgres' JIT (which their estimated cost would trigger) takes longer than running them.
        var connection = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("clientsdb")) { Options = "-c jit=off" };
        builder.Services.AddSingleton(new ImportDatabase(NpgsqlDataSource.Create(connection.ConnectionString)));
        builder.Services.AddSingleton<ImportSignal>();
        builder.Services.AddSingleton<UploadSlots>();
        builder.Services.AddScoped<ImportQuotas>();
        builder.Services.AddScoped<CsvUpload>();
        builder.Services.AddScoped<ImportJobs>();
        builder.Services.AddScoped<CsvClientImporter>();
        builder.Services.AddScoped<CsvExport>();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddSingleton<ImportPurge>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ImportPurge>());
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseTranscodingFieldErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealth();
        app.MapGrpcService<ClientsGrpcService>().RequireAuthorization();
        app.MapGrpcService<PoliciesGrpcService>().RequireAuthorization();
        app.MapGrpcService<HouseholdsGrpcService>().RequireAuthorization();
        app.MapGrpcService<CallQueueGrpcService>().RequireAuthorization();
        app.MapGrpcService<SettingsGrpcService>().RequireAuthorization();
        app.MapGrpcService<ImportsGrpcService>().RequireAuthorization();
        app.MapUploadEndpoint();
        app.MapExportEndpoint();
        return app;
    }
}
