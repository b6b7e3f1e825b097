using AgentCalls.Calendar.Service.Data;
using AgentCalls.TestSupport;
using ScheduledCallsClient = AgentCalls.Contracts.Calendar.V1.ScheduledCalls.ScheduledCallsClient;

namespace AgentCalls.Conversation.Tests;

/// <summary>
/// The real Calendar.Service on a loopback port, as Conversation.Service calls it over gRPC (free slots for the model's
/// reading tool, follow-ups the agent confirms), on a database of its own, trusting the given Identity and reading
/// clients from the given Clients.Service. No agent here connects Google: calls go on the local calendar.
/// </summary>
public sealed class CalendarServer(LoopbackService<CalendarDbContext> service) : IAsyncDisposable
{
    public Uri GrpcAddress => service.GrpcAddress;

    public ScheduledCallsClient Calls => new(service.Channel);

    public static async Task<CalendarServer> StartAsync(DatabaseServers servers, IdentityServerInstance identity, Uri clientsGrpc) =>
        new(LoopbackService<CalendarDbContext>.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings:calendardb"] = await servers.CreateDatabaseAsync("calendar_for_conversation"),
            ["ConnectionStrings:redis"] = servers.RedisConnectionString,
            ["Auth:Issuer"] = identity.Issuer.ToString(),
            ["services:identity:grpc:0"] = identity.GrpcAddress.ToString(),
            ["services:clients:grpc:0"] = clientsGrpc.ToString(),
            ["Eventing:ServiceName"] = $"calendar-conversation-tests-{Guid.NewGuid():N}",
        }));

    public ValueTask DisposeAsync() => service.DisposeAsync();
}
