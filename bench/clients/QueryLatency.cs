using AgentCalls.Bench.Support;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Grpc.Net.Client;
using Npgsql;

namespace AgentCalls.Bench.Clients;

/// <summary>
/// The call queue's first page and ListClients with a query, through Clients.Service's gRPC API with the agent's
/// bearer token, one call at a time. A warm-up pass of each (not counted) first, as a running service would be.
/// </summary>
public static class QueryLatency
{
    /// <summary>
    /// The call queue three ways: the day's first call (which ranks the whole book), calls with nothing changed since the
    /// last, and calls each following a change to one client (written straight to clientsdb, as any writer would).
    /// </summary>
    public static async Task<List<Latencies>> CallQueueAsync(GrpcChannel channel, NpgsqlDataSource database, SignedInAgent agent, int calls, CancellationToken cancellationToken)
    {
        var queue = new CallQueue.CallQueueClient(channel);
        var request = new ListCallQueueRequest();
        var first = new Latencies("ListCallQueue, first call of the day");
        var steady = new Latencies("ListCallQueue, first page of 50");
        var changed = new Latencies("ListCallQueue, after 1 client changed");
        async Task CallAsync(Latencies latencies)
        {
            var page = await latencies.TimeAsync(async () => await queue.ListCallQueueAsync(request, agent.Bearer, cancellationToken: cancellationToken));
            if (page.Entries.Count == 0)
            {
                throw new InvalidOperationException("The call queue came back empty: the book did not load as planned.");
            }
        }

        await CallAsync(first);
        for (var i = 0; i < 5; i++)
        {
            await queue.ListCallQueueAsync(request, agent.Bearer, cancellationToken: cancellationToken);
        }

        for (var i = 0; i < calls; i++)
        {
            await CallAsync(steady);
        }

        for (var i = 0; i < calls / 4; i++)
        {
            await using var touch = database.CreateCommand(
                "UPDATE clients SET last_contacted_at = now() - make_interval(days => 200 + @i) WHERE id = (SELECT id FROM clients WHERE agent_id = @agent ORDER BY id OFFSET @i LIMIT 1)");
            touch.Parameters.AddWithValue("agent", agent.AgentId);
            touch.Parameters.AddWithValue("i", i);
            await touch.ExecuteNonQueryAsync(cancellationToken);
            await CallAsync(changed);
        }

        return [first, steady, changed];
    }

    /// <summary>Every query <paramref name="rounds"/> times; answers the latencies per kind of query, and how many queries found nothing.</summary>
    public static async Task<(List<Latencies> ByKind, int Empty)> SearchAsync(
        GrpcChannel channel, SignedInAgent agent, IReadOnlyList<(string Kind, string Query)> queries, int rounds, CancellationToken cancellationToken)
    {
        var clients = new AgentCalls.Contracts.Clients.V1.Clients.ClientsClient(channel);
        var byKind = queries.Select(q => q.Kind).Distinct().ToDictionary(kind => kind, kind => new Latencies($"query: {kind}"));
        var empty = new HashSet<string>();
        foreach (var (_, query) in queries)
        {
            await clients.ListClientsAsync(Request(query), agent.Bearer, cancellationToken: cancellationToken);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (kind, query) in queries)
            {
                var page = await byKind[kind].TimeAsync(async () => await clients.ListClientsAsync(Request(query), agent.Bearer, cancellationToken: cancellationToken));
                if (page.Clients.Count == 0)
                {
                    empty.Add(query);
                }
            }
        }

        return ([.. byKind.Values], empty.Count);
    }

    private static ListClientsRequest Request(string query) => new() { Query = query, PageSize = 25 };
}
