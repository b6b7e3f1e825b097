using AgentCalls.Calendar.Service.Google;
using AgentCalls.Calendar.Service.Providers;
using AgentCalls.Calendar.Service.Sync;
using AgentCalls.ServiceDefaults.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentCalls.Calendar.Service.Hosting;

public static class GoogleCalendarExtensions
{
    /// <summary>
    /// The two providers, the Google Calendar client (typed HttpClient on <see cref="CalendarOptions.GoogleApiBaseUrl"/>
    /// with its own resilience), Google's refusals as gRPC errors, this service's client-credentials client at Identity,
    /// and the background sync.
    /// </summary>
    public static WebApplicationBuilder AddGoogleCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient<GoogleCalendarClient>((services, http) =>
                http.BaseAddress = services.GetRequiredService<IOptions<CalendarOptions>>().Value.GoogleApiBaseUrl)
            .AddGoogleResilience();

        builder.Services.AddServiceTokens<CalendarOptions>(ServiceClients.CalendarClientId, ServiceClients.GoogleTokensScope, calendar => calendar.ServiceClientSecret);
        builder.Services.AddScoped<GoogleAccessTokens>();

        builder.Services.AddSingleton<LocalCalendarProvider>();
        builder.Services.AddScoped<GoogleCalendarProvider>();
        builder.Services.AddScoped<CalendarProviders>();
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<GoogleErrorsInterceptor>());

        builder.Services.AddSingleton<SyncSignal>();
        builder.Services.AddScoped<GooglePageWriter>();
        builder.Services.AddScoped<WatchChannels>();
        builder.Services.AddScoped<SyncRunner>();
        builder.Services.AddScoped<SyncStatuses>();
        builder.Services.AddHostedService<SyncWorker>();
        return builder;
    }

    /// <summary>gRPC clients for Identity (Google tokens, the Google connection) and Clients (the client a call is with).</summary>
    public static WebApplicationBuilder AddServiceClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcClient<Contracts.Identity.V1.GoogleTokens.GoogleTokensClient>(grpc => grpc.Address = new Uri("http://_grpc.identity"))
            .EnableCallContextPropagation(propagation => propagation.SuppressContextNotFoundErrors = true);
        builder.Services.AddGrpcClient<Contracts.Identity.V1.GoogleAccount.GoogleAccountClient>(grpc => grpc.Address = new Uri("http://_grpc.identity"))
            .EnableCallContextPropagation(propagation => propagation.SuppressContextNotFoundErrors = true);
        builder.Services.AddGrpcClient<Contracts.Clients.V1.Clients.ClientsClient>(grpc => grpc.Address = new Uri("http://_grpc.clients"))
            .EnableCallContextPropagation(propagation => propagation.SuppressContextNotFoundErrors = true);
        return builder;
    }
}
