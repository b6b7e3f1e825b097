using AgentCalls.Identity.Service.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AgentCalls.TestSupport;

/// <summary>One running Identity.Service on real loopback ports: HTTP/1.1 (pages, OpenID Connect) and HTTP/2 (gRPC).</summary>
public sealed class IdentityServerInstance : IAsyncDisposable
{
    /// <summary>The secret Calendar.Service's own client (client credentials) has at every test Identity.</summary>
    public const string CalendarServiceSecret = "test-calendar-service-secret";

    /// <summary>The secret Conversation.Service's own client (client credentials, transcription.stream) has at every test Identity.</summary>
    public const string ConversationServiceSecret = "test-conversation-service-secret";

    private readonly WebApplicationFactory<IdentityDbContext> factory;

    private IdentityServerInstance(WebApplicationFactory<IdentityDbContext> factory, Uri issuer, Uri grpcAddress)
    {
        this.factory = factory;
        Issuer = issuer;
        GrpcAddress = grpcAddress;
    }

    public Uri Issuer { get; }

    /// <summary>The HTTP/2 endpoint: gRPC, and the REST face of the same methods.</summary>
    public Uri GrpcAddress { get; }

    public IServiceProvider Services => factory.Services;

    /// <summary>
    /// Starts Identity with the development sign-in turned on (it is honoured in Development only; <paramref name="settings"/>
    /// may turn it off), and with <paramref name="services"/> replacing registrations (a fake clock, for example).
    /// </summary>
    public static IdentityServerInstance Start(
        string databaseConnectionString, string redisConnectionString, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var httpPort = FreePort.Next();
        var grpcPort = FreePort.Next();
        var issuer = new Uri($"http://127.0.0.1:{httpPort}/auth/");
        var factory = new WebApplicationFactory<IdentityDbContext>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment);
            host.UseSetting("ConnectionStrings:identitydb", databaseConnectionString);
            host.UseSetting("ConnectionStrings:redis", redisConnectionString);
            host.UseSetting("Auth:Issuer", issuer.ToString());
            host.UseSetting("Identity:Gateway:ClientSecret", "test-gateway-secret");
            host.UseSetting("Identity:CalendarService:ClientSecret", CalendarServiceSecret);
            host.UseSetting("Identity:ConversationService:ClientSecret", ConversationServiceSecret);
            host.UseSetting("Identity:DevelopmentSignIn", "true");
            host.UseSetting("Kestrel:Endpoints:http:Url", $"http://127.0.0.1:{httpPort}");
            host.UseSetting("Kestrel:Endpoints:grpc:Url", $"http://127.0.0.1:{grpcPort}");
            if (environment != "Development")
            {
                // Outside Development Identity starts only with its keys and its key ring's protection from a secret store.
                foreach (var (key, value) in TestKeys.IdentitySettings)
                {
                    host.UseSetting(key, value);
                }
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                host.UseSetting(key, value);
            }

            if (services is not null)
            {
                host.ConfigureTestServices(services);
            }
        });
        factory.UseKestrel();
        factory.StartServer();
        return new IdentityServerInstance(factory, issuer, new Uri($"http://127.0.0.1:{grpcPort}"));
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
