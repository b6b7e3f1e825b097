using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;

namespace AgentCalls.Clients.Tests;

/// <summary>
/// An import's history reads like the API's: a client and policy the import creates or changes get the entries, fields
/// and words that typing the same values in through the API gives them.
/// </summary>
public sealed class ImportHistoryTests(ClientsServiceHost host)
{
    private const string Header =
        "External ID,Name,Email,Mobile Phone,Home Phone,Address Line 1,Address Line 2,City,Region,Postal Code,Country,Date of Birth,"
        + "Contact Window Start,Contact Window End,Time Zone,Do Not Call,Do Not Call Reason,Do Not Call Since,Recording Consent,Tags,Notes,"
        + "Last Contacted,Last Outcome,Policy Number,Carrier,Line of Business,Policy Status,Premium,Currency,Effective Date,Expiration Date,"
        + "Lapse or Cancel Date,Policy Notes";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_NewClientAndPolicy_HistoryReadsAsTheApisCreate()
    {
        var importing = await host.NewAgentAsync("History Hana");
        var typing = await host.NewAgentAsync("Typing Tom");
        var csv = Header + "\n"
            + "H-1,Hana Hist,hana@example.com,202-555-0141,202-555-0142,1 Main St,Apt 2,Springfield,IL,62701,US,1980-04-05,09:00,17:30,"
            + "America/Chicago,yes,asked by letter,2026-03-01,granted,\"vip, auto\",likes mornings,2026-11-30T14:05:00Z,left voicemail,"
            + "HH-1,Acme,home,lapsed,1284.50,USD,2025-06-01,2026-06-01,2026-02-15,paid by check\n";

        await host.ImportCsvAsync(importing, csv);
        var (client, policy) = await ReadAsync(importing, Assert.Single(await host.AllClientsAsync(importing)).ClientId);
        var typedClient = await host.Clients.CreateClientAsync(new CreateClientRequest { Client = client }, typing.Bearer, cancellationToken: Cancel);
        await host.Policies.CreatePolicyAsync(new CreatePolicyRequest { ClientId = typedClient.ClientId, Policy = policy }, typing.Bearer, cancellationToken: Cancel);
        var imported = await HistoryAsync(importing, client.ClientId);
        var typed = await HistoryAsync(typing, typedClient.ClientId);

        var importedClient = Changes(imported, HistorySubject.Client, HistoryAction.Created);
        Assert.Contains(("phones", "", "+12025550141 (mobile); +12025550142 (home)"), importedClient);
        Assert.Contains(("lastContactedAt", "", "2026-11-30T14:05:00Z"), importedClient);
        // The API does not take a last contact: calls set it.
        Assert.Equal(Changes(typed, HistorySubject.Client, HistoryAction.Created), importedClient.Where(c => c.Field is not ("lastContactedAt" or "lastOutcome")));
        Assert.Equal(Changes(typed, HistorySubject.Policy, HistoryAction.Created), Changes(imported, HistorySubject.Policy, HistoryAction.Created));
        Assert.Contains(("endDate", "", "2026-02-15"), Changes(imported, HistorySubject.Policy, HistoryAction.Created));
        Assert.All(imported.Entries, e => Assert.Equal(HistoryActor.Import, e.Actor));
    }

    [Fact]
    public async Task Import_ChangedClientAndPolicy_HistoryReadsAsTheApisUpdate()
    {
        var importing = await host.NewAgentAsync("History Ulla");
        var typing = await host.NewAgentAsync("Typing Uwe");
        var (importingClient, _) = await CreateBookAsync(importing);
        var (typingClient, typingPolicy) = await CreateBookAsync(typing);

        await host.ImportCsvAsync(importing, "Name,Email,Home Phone,Tags,Do Not Call,Notes,Policy Number,Carrier,Policy Status,Premium\n"
            + "Ulla Updated,ulla@example.com,202-555-0152,b,yes,new notes,UP-1,Beta,expired,99.00\n");
        var (client, policy) = await ReadAsync(importing, importingClient.ClientId);
        client.ClientId = typingClient.ClientId;
        client.Etag = typingClient.Etag;
        await host.Clients.UpdateClientAsync(new UpdateClientRequest { Client = client }, typing.Bearer, cancellationToken: Cancel);
        policy.PolicyId = typingPolicy.PolicyId;
        policy.ClientId = typingClient.ClientId;
        policy.Etag = typingPolicy.Etag;
        await host.Policies.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = policy }, typing.Bearer, cancellationToken: Cancel);
        var imported = await HistoryAsync(importing, importingClient.ClientId);
        var typed = await HistoryAsync(typing, typingClient.ClientId);

        var importedClient = Changes(imported, HistorySubject.Client, HistoryAction.Updated);
        Assert.Equal(["displayName", "phones", "doNotCall", "doNotCallSince", "tags", "notes"], importedClient.Select(c => c.Field));
        Assert.Contains(("tags", "a", "a, b"), importedClient);
        Assert.Equal(Changes(typed, HistorySubject.Client, HistoryAction.Updated), importedClient);
        Assert.Equal(Changes(typed, HistorySubject.Policy, HistoryAction.Updated), Changes(imported, HistorySubject.Policy, HistoryAction.Updated));
        Assert.Equal(["carrier", "status", "premiumMinor"], Changes(imported, HistorySubject.Policy, HistoryAction.Updated).Select(c => c.Field));
    }

    [Fact]
    public async Task Import_ClientWithPolicies_HistoryListsTheClientsCreateBeforeItsPolicies()
    {
        var agent = await host.NewAgentAsync("History Otto");

        // Every entry of a batch has the same time, so the history's order within it is its ids' order.
        await host.ImportCsvAsync(agent, "Name,Email,Policy Number,Carrier\n"
            + "Otto Order,otto@example.com,OR-1,Acme\nOtto Order,otto@example.com,OR-2,Acme\nOtto Order,otto@example.com,OR-3,Acme\n");
        var history = await HistoryAsync(agent, Assert.Single(await host.AllClientsAsync(agent)).ClientId);

        // Newest first: the policies in the reverse of the file's order, then the client they belong to.
        Assert.Equal(["OR-3", "OR-2", "OR-1", ""], history.Entries.Select(e => e.PolicyNumber));
        Assert.Equal(HistorySubject.Client, history.Entries[^1].Subject);
        Assert.Single(history.Entries.Select(e => e.ChangedAt).Distinct());
    }

    /// <summary>A client with one phone and one tag, and an active auto policy, typed in through the API.</summary>
    private async Task<(Client Client, Policy Policy)> CreateBookAsync(SignedInAgent agent)
    {
        var client = await host.CreateClientAsync(agent, "Ulla Upd", c =>
        {
            c.Email = "ulla@example.com";
            c.Phones.Add(new Phone { Number = "+12025550151", Type = PhoneType.Mobile });
            c.Tags.Add("a");
        });
        return (client, await host.CreatePolicyAsync(agent, client.ClientId, "UP-1", p => p.Carrier = "Acme"));
    }

    private async Task<(Client Client, Policy Policy)> ReadAsync(SignedInAgent agent, string clientId)
    {
        var client = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = clientId }, agent.Bearer, cancellationToken: Cancel);
        var policies = await host.Policies.ListPoliciesAsync(new ListPoliciesRequest { ClientId = clientId }, agent.Bearer, cancellationToken: Cancel);
        return (client, Assert.Single(policies.Policies));
    }

    private async Task<ListClientHistoryResponse> HistoryAsync(SignedInAgent agent, string clientId) =>
        await host.Clients.ListClientHistoryAsync(new ListClientHistoryRequest { ClientId = clientId }, agent.Bearer, cancellationToken: Cancel);

    private static List<(string Field, string Old, string New)> Changes(ListClientHistoryResponse history, HistorySubject subject, HistoryAction action) =>
        [.. Assert.Single(history.Entries, e => e.Subject == subject && e.Action == action).Changes.Select(c => (c.Field, c.OldValue, c.NewValue))];
}
