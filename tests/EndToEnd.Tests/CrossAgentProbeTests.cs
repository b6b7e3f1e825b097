using Aspire.Hosting.Testing;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// Broken object-level authorization, probed everywhere: every RPC in Contracts that takes an id, found by reflection, is
/// called by another agent with the owner's ids, straight at the service that serves it (no gateway in between), and
/// must answer NotFound (a list filtered by the id: nothing) and change none of the owner's rows in any database.
/// </summary>
public sealed class CrossAgentProbeTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryRpcTakingAnId_HasAProbeOrASaidReasonNotTo()
    {
        var taking = ContractRpcs.All.Where(m => ContractRpcs.IdFields(m).Count > 0).Select(m => m.FullName).ToList();

        var unprobed = taking.Where(name => !ProbeRequests.ByMethod.ContainsKey(name) && !ProbeRequests.NotProbed.ContainsKey(name)).ToList();
        var gone = ProbeRequests.ByMethod.Keys.Except(ContractRpcs.All.Select(m => m.FullName)).ToList();
        Assert.Empty(unprobed);
        Assert.Empty(gone);
        Assert.Contains("agentcalls.clients.v1.Policies.GetPolicy", taking);
    }

    [Fact]
    public async Task EveryRpcTakingAnId_CalledByAnotherAgentWithTheOwnersIds_IsNotFoundAndChangesNothing()
    {
        var owner = new ProbeAgent(system, "Olga Owner");
        var other = new ProbeAgent(system, "Ivo Intruder");
        var book = await OwnedBook.MakeAsync(system, owner, Cancel);
        var before = await ChecksumsAsync(owner.AgentId);
        var channels = new Dictionary<string, GrpcChannel>();
        var answers = new List<(string Method, StatusCode Expected, StatusCode Actual)>();
        try
        {
            foreach (var method in ContractRpcs.All.Where(m => ProbeRequests.ByMethod.ContainsKey(m.FullName)))
            {
                var resource = ContractRpcs.Resource(method);
                if (!channels.TryGetValue(resource, out var channel))
                {
                    channels[resource] = channel = GrpcChannel.ForAddress(system.App.GetEndpoint(resource, "grpc"));
                }

                var request = book.Fill(ProbeRequests.ByMethod[method.FullName]);
                var (status, response) = await ContractRpcs.CallAsync(channel.CreateCallInvoker(), method, request, await other.BearerAsync(Cancel), Cancel);
                answers.Add((method.FullName, ProbeRequests.Answers.GetValueOrDefault(method.FullName, StatusCode.NotFound), status));
                if (response is not null)
                {
                    var text = JsonFormatter.Default.Format(response);
                    Assert.DoesNotContain(book.Ids.Values, id => text.Contains(id, StringComparison.Ordinal));
                }
            }
        }
        finally
        {
            foreach (var channel in channels.Values)
            {
                channel.Dispose();
            }
        }

        var after = await ChecksumsAsync(owner.AgentId);
        Assert.Equal(ProbeRequests.ByMethod.Count, answers.Count);
        var wrong = answers.Where(a => a.Actual != a.Expected).Select(a => $"{a.Method} answered {a.Actual}, not {a.Expected}").ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(before, after);
        TestContext.Current.SendDiagnosticMessage(
            $"Cross-agent probes: {answers.Count} RPCs called with another agent's ids; {before.Count} tables of the owner's rows unchanged.");
    }

    private async Task<SortedDictionary<string, string>> ChecksumsAsync(Guid agentId)
    {
        var all = new SortedDictionary<string, string>();
        foreach (var database in AgentRows.Databases)
        {
            foreach (var (table, checksum) in await AgentRows.ChecksumsAsync(system, database, agentId, Cancel))
            {
                all[table] = checksum;
            }
        }

        return all;
    }
}
