using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;
using ClientsClient = AgentCalls.Contracts.Clients.V1.Clients.ClientsClient;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// Starts a call: the client is read from Clients.Service with the agent's own token, so another agent's client is
/// NotFound here as it is there.
/// </summary>
public sealed class CallStarter(ClientsClient clients, CallStore store, TimeProvider time)
{
    public async Task<CallSession> StartAsync(Guid agentId, string clientId, string calendarEventId, string authorization, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(clientId, out _))
        {
            throw FieldViolations.Single("clientId", "is not a client id.");
        }

        if (calendarEventId.Length > 200)
        {
            throw FieldViolations.Single("calendarEventId", "is longer than 200 characters.");
        }

        Client client;
        try
        {
            client = await clients.GetClientAsync(new GetClientRequest { ClientId = clientId }, new Metadata { { "Authorization", authorization } }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw new RpcException(new Status(StatusCode.NotFound, "No such client."));
        }

        var call = new CallSession(agentId, ClientContext.From(client), calendarEventId.Length > 0 ? calendarEventId : null, time.GetUtcNow());
        await store.AddAsync(call, cancellationToken);
        return call;
    }
}
