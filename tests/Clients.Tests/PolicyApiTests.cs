using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Date = Google.Type.Date;
using TimeOfDay = Google.Type.TimeOfDay;
using Grpc.Core;

namespace AgentCalls.Clients.Tests;

/// <summary>Policies over gRPC: the model's rules, optimistic concurrency, history.</summary>
public sealed class PolicyApiTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatePolicy_LapsedWithoutEndDate_GetsTodayAndShowsOnTheClient()
    {
        var agent = await host.NewAgentAsync("Pia Policy");
        var client = await host.CreateClientAsync(agent, "Hal Holder");

        var policy = await host.CreatePolicyAsync(agent, client.ClientId, "HO-100", p =>
        {
            p.LineOfBusiness = LineOfBusiness.Home;
            p.Status = PolicyStatus.Lapsed;
            p.CurrencyCode = "eur";
            p.EffectiveDate = new Date { Year = 2025, Month = 1, Day = 1 };
        });
        var read = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("EUR", policy.CurrencyCode);
        Assert.NotNull(policy.EndDate);
        Assert.Equal([policy], read.Policies);
    }

    public static TheoryData<string, Action<Contracts.Clients.V1.Policy>> InvalidPolicies => new()
    {
        { "expirationDate", p => (p.EffectiveDate, p.ExpirationDate) = (new Date { Year = 2026, Month = 6, Day = 1 }, new Date { Year = 2026, Month = 5, Day = 31 }) },
        { "premiumMinor", p => p.PremiumMinor = -1 },
        { "lineOfBusiness", p => p.LineOfBusiness = (LineOfBusiness)99 },
        { "status", p => p.Status = PolicyStatus.Unspecified },
        { "currencyCode", p => p.CurrencyCode = "ABC" },
        { "policyNumber", p => p.PolicyNumber = "" },
        { "carrier", p => p.Carrier = new string('c', 201) },
        { "endDate", p => (p.Status, p.EndDate) = (PolicyStatus.Active, new Date { Year = 2026, Month = 1, Day = 1 }) },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public async Task UpdatePolicy_InvalidField_IsRefusedNamingItAndChangesNothing(string field, Action<Contracts.Clients.V1.Policy> spoil)
    {
        var agent = await host.NewAgentAsync("Val Policy");
        var client = await host.CreateClientAsync(agent, "Pat Policyholder");
        var created = await host.CreatePolicyAsync(agent, client.ClientId, "AU-1");
        var spoiled = created.Clone();
        spoil(spoiled);

        var fields = await RpcAssert.InvalidArgumentAsync(() =>
            host.Policies.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = spoiled }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        var stored = await host.Policies.GetPolicyAsync(new GetPolicyRequest { ClientId = client.ClientId, PolicyId = created.PolicyId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal([field], fields);
        Assert.Equal(created, stored);
    }

    [Fact]
    public async Task CreatePolicy_NumberAlreadyInTheBook_IsRefusedNamingPolicyNumber()
    {
        var agent = await host.NewAgentAsync("Dup Number");
        var client = await host.CreateClientAsync(agent, "First Holder");
        await host.CreatePolicyAsync(agent, client.ClientId, "SAME-1");

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.CreatePolicyAsync(agent, client.ClientId, "SAME-1"));

        Assert.Equal(["policyNumber"], fields);
    }

    [Fact]
    public async Task UpdatePolicy_StaleEtag_IsAborted()
    {
        var agent = await host.NewAgentAsync("Stale Policy");
        var client = await host.CreateClientAsync(agent, "Sid Stale");
        var read = await host.CreatePolicyAsync(agent, client.ClientId, "ST-1");
        var first = read.Clone();
        first.PremiumMinor = 99_00;
        await host.Policies.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = first }, agent.Bearer, cancellationToken: Cancel);

        await RpcAssert.FailsAsync(StatusCode.Aborted, () =>
            host.Policies.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = read }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
    }

    [Fact]
    public async Task UpdatePolicy_ChangedPremium_IsInTheClientsHistory()
    {
        var agent = await host.NewAgentAsync("Hist Policy");
        var client = await host.CreateClientAsync(agent, "Hugo History");
        var policy = await host.CreatePolicyAsync(agent, client.ClientId, "HI-1");
        var change = policy.Clone();
        change.PremiumMinor = 150_000;

        await host.Policies.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = change }, agent.Bearer, cancellationToken: Cancel);
        var history = await host.Clients.ListClientHistoryAsync(new ListClientHistoryRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);

        var latest = history.Entries[0];
        Assert.Equal((HistorySubject.Policy, "HI-1", HistoryAction.Updated), (latest.Subject, latest.PolicyNumber, latest.Action));
        Assert.Equal([("premiumMinor", "120000", "150000")], latest.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
    }

    [Fact]
    public async Task DeletePolicy_RemovesItFromTheClient()
    {
        var agent = await host.NewAgentAsync("Del Policy");
        var client = await host.CreateClientAsync(agent, "Dora Dropped");
        var policy = await host.CreatePolicyAsync(agent, client.ClientId, "DP-1");

        await host.Policies.DeletePolicyAsync(new DeletePolicyRequest { ClientId = client.ClientId, PolicyId = policy.PolicyId }, agent.Bearer, cancellationToken: Cancel);

        var listed = await host.Policies.ListPoliciesAsync(new ListPoliciesRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);
        Assert.Empty(listed.Policies);
    }
}
