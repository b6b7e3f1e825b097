using System.Text.Json.Serialization;
using AgentCalls.FakeGoogle.Calendar;
using AgentCalls.FakeGoogle.Control;
using AgentCalls.FakeGoogle.OAuth;

namespace AgentCalls.FakeGoogle;

public static class FakeGoogleExtensions
{
    public static IServiceCollection AddFakeGoogle(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FakeGoogleOptions>(configuration.GetSection("FakeGoogle"));
        services.AddSingleton<FakeGoogleState>();
        services.AddSingleton<IdTokenSigner>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FakeCalendars>();
        services.AddSingleton<ChannelNotifier>();
        services.AddHttpClient(nameof(ChannelNotifier));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    public static IEndpointRouteBuilder MapFakeGoogle(this IEndpointRouteBuilder app)
    {
        app.MapDiscovery();
        app.MapAuthorizationEndpoint();
        app.MapTokenEndpoint();
        app.MapUserInfoEndpoint();
        app.MapRevocationEndpoint();
        app.MapControlEndpoints();
        app.MapEventsList();
        app.MapEvents();
        app.MapFreeBusy();
        app.MapWatch();
        app.MapCalendarControl();
        return app;
    }
}
