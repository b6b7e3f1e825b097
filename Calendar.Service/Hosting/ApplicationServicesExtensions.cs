using AgentCalls.Calendar.Service.Agents;
using AgentCalls.Calendar.Service.Calls;
using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Calendar.Service.Feed;
using AgentCalls.Calendar.Service.Settings;
using AgentCalls.Calendar.Service.Slots;
using AgentCalls.Calendar.Service.Sync;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.Eventing.Database;
using AgentCalls.Eventing;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Calendar.Service.Hosting;

public static class ApplicationServicesExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CalendarOptions>()
            .BindConfiguration(CalendarOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => NestedOptions.AreValid(o.GoogleCircuit), "Calendar:GoogleCircuit has a setting out of its range.")
            .ValidateOnStart();
        builder.AddServiceDbContext<CalendarDbContext>("calendardb", CalendarDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddEventing<CalendarDbContext>()
            .Subscribe<AgentDeleted, AgentDeletedHandler>()
            .Subscribe<CallLogged, CallLoggedHandler>()
            .Subscribe<ClientUpdated, ClientRenamedHandler>()
            .Subscribe<GoogleCalendarConnected, GoogleConnectionHandlers>()
            .Subscribe<GoogleCalendarDisconnected, GoogleConnectionHandlers>();
        builder.AddAgentAuthentication();
        builder.AddGrpcApi();
        builder.AddGoogleCalendar();
        builder.AddServiceClients();

        builder.Services.AddScoped<EventListing>();
        builder.Services.AddScoped<SettingsStore>();
        builder.Services.AddScoped<BusyTimes>();
        builder.Services.AddHostedService<BusyCacheEpoch>();
        builder.Services.AddScoped<FreeSlotQuery>();
        builder.Services.AddScoped<ClientDirectory>();
        builder.Services.AddSingleton<CallText>();
        builder.Services.AddScoped<CallScheduler>();
        builder.Services.AddScoped<CallChanges>();
        builder.Services.AddScoped<FeedStore>();
        return builder;
    }

    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseTranscodingFieldErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealth();
        app.MapGrpcService<CalendarEventsGrpcService>().RequireAuthorization();
        app.MapGrpcService<ScheduledCallsGrpcService>().RequireAuthorization();
        app.MapGrpcService<FreeSlotsGrpcService>().RequireAuthorization();
        app.MapGrpcService<SettingsGrpcService>().RequireAuthorization();
        app.MapGrpcService<SyncGrpcService>().RequireAuthorization();
        app.MapGrpcService<FeedGrpcService>().RequireAuthorization();
        app.MapCalendarFeed();
        app.MapGoogleNotifications();
        return app;
    }
}
