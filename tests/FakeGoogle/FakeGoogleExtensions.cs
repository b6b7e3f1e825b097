using System.Text.Json.Serialization;
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
        return app;
    }
}
