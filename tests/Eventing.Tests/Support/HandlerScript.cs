using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Eventing.Tests.Support;

/// <summary>
/// What the test handler does for particular agents in one host (fail, or hang after its commit), and the
/// order in which the consumer delivered events to it. Events of other agents (other tests) are applied plainly.
/// </summary>
public sealed class HandlerScript
{
    private readonly Dictionary<string, Fault> faults = [];
    private readonly List<string> deliveries = [];

    /// <summary>Holds the consumer between the commit of its handling and the acknowledgement.</summary>
    public HangAfterCommitInterceptor HangAfterCommit { get; } = new();

    public void FailFirstDelivery(string agentId) => Set(agentId, Fault.FailFirstDelivery);

    public void FailEveryDelivery(string agentId) => Set(agentId, Fault.FailEveryDelivery);

    /// <summary>The first delivery is applied and committed, then the consumer hangs before it acknowledges.</summary>
    public void HangAfterFirstCommit(string agentId) => Set(agentId, Fault.HangAfterFirstCommit);

    /// <summary>The agents whose events reached the handler, in delivery order (a redelivery appears again).</summary>
    public IReadOnlyList<string> Deliveries()
    {
        lock (deliveries)
        {
            return [.. deliveries];
        }
    }

    public int DeliveriesOf(string agentId) => Deliveries().Count(d => d == agentId);

    internal void OnDelivery(string agentId, DbContext db)
    {
        Fault fault;
        int delivery;
        lock (deliveries)
        {
            deliveries.Add(agentId);
            delivery = deliveries.Count(d => d == agentId);
            fault = faults.GetValueOrDefault(agentId);
        }

        switch (fault)
        {
            case Fault.FailEveryDelivery:
            case Fault.FailFirstDelivery when delivery == 1:
                throw new InvalidOperationException($"The test handler fails delivery {delivery} of agent {agentId}'s event.");
            case Fault.HangAfterFirstCommit when delivery == 1:
                HangAfterCommit.Arm(db);
                break;
        }
    }

    private void Set(string agentId, Fault fault)
    {
        lock (deliveries)
        {
            faults[agentId] = fault;
        }
    }

    private enum Fault
    {
        None,
        FailFirstDelivery,
        FailEveryDelivery,
        HangAfterFirstCommit,
    }
}
