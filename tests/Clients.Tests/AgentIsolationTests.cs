using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Grpc.Core;

namespace AgentCalls.Clients.Tests;

/// <summary>Every RPC that takes an id, called by another agent with that id, answers NotFound and changes nothing.</summary>
public sealed class AgentIsolationTests(ClientsServiceHost host) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private SignedInAgent owner = null!;
    private SignedInAgent intruder = null!;
    private Contracts.Clients.V1.Client client = null!;
    private Contracts.Clients.V1.Policy policy = null!;
    private Household household = null!;
    private string importId = "";

    public async ValueTask InitializeAsync()
    {
        owner = await host.NewAgentAsync("Olive Owner");
        intruder = await host.NewAgentAsync("Ian Intruder");
        household = await host.Households.CreateHouseholdAsync(new CreateHouseholdRequest { Name = "Owners" }, owner.Bearer, cancellationToken: Cancel);
        client = await host.CreateClientAsync(owner, "Private Person", c => c.HouseholdId = household.HouseholdId);
        policy = await host.CreatePolicyAsync(owner, client.ClientId, $"PRIV-{Guid.NewGuid():N}");
        importId = await host.UploadCsvAsync(owner, "Name,Email\nPriv Import,priv@example.com\n");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string> Calls =>
    [
        "GetClient", "UpdateClient", "DeleteClient", "ListClientHistory", "ListPolicies", "GetPolicy", "CreatePolicy", "UpdatePolicy",
        "DeletePolicy", "DeleteHousehold", "CreateClientInHousehold", "GetImport", "StartImport", "CancelImport", "ListImportErrors", "ListImportPreview",
    ];

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Rpc_AnotherAgentsId_IsNotFoundAndChangesNothing(string call)
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Call(call));

        var stored = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, owner.Bearer, cancellationToken: Cancel);
        var import = await host.Imports.GetImportAsync(new GetImportRequest { ImportId = importId }, owner.Bearer, cancellationToken: Cancel);
        Assert.Equal(client.Etag, stored.Etag);
        Assert.Equal([policy], stored.Policies);
        Assert.Equal(household.HouseholdId, stored.HouseholdId);
        Assert.Equal(ImportStatus.Uploaded, import.Status);
        Assert.Empty((await host.ListAsync(intruder)).Clients);
    }

    private Task Call(string call)
    {
        var as_ = intruder.Bearer;
        return call switch
        {
            "GetClient" => host.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, as_, cancellationToken: Cancel).ResponseAsync,
            "UpdateClient" => host.Clients.UpdateClientAsync(new UpdateClientRequest { Client = client }, as_, cancellationToken: Cancel).ResponseAsync,
            "DeleteClient" => host.Clients.DeleteClientAsync(new DeleteClientRequest { ClientId = client.ClientId }, as_, cancellationToken: Cancel).ResponseAsync,
            "ListClientHistory" => host.Clients.ListClientHistoryAsync(new ListClientHistoryRequest { ClientId = client.ClientId }, as_, cancellationToken: Cancel).ResponseAsync,
            "ListPolicies" => host.Policies.ListPoliciesAsync(new ListPoliciesRequest { ClientId = client.ClientId }, as_, cancellationToken: Cancel).ResponseAsync,
            "GetPolicy" => host.Policies.GetPolicyAsync(new GetPolicyRequest { ClientId = client.ClientId, PolicyId = policy.PolicyId }, as_, cancellationToken: Cancel).ResponseAsync,
            "CreatePolicy" => host.CreatePolicyAsync(intruder, client.ClientId, $"X-{Guid.NewGuid():N}"),
            "UpdatePolicy" => host.Policies.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = policy }, as_, cancellationToken: Cancel).ResponseAsync,
            "DeletePolicy" => host.Policies.DeletePolicyAsync(new DeletePolicyRequest { ClientId = client.ClientId, PolicyId = policy.PolicyId }, as_, cancellationToken: Cancel).ResponseAsync,
            "DeleteHousehold" => host.Households.DeleteHouseholdAsync(new DeleteHouseholdRequest { HouseholdId = household.HouseholdId }, as_, cancellationToken: Cancel).ResponseAsync,
            "CreateClientInHousehold" => host.CreateClientAsync(intruder, "Sneaky", c => c.HouseholdId = household.HouseholdId),
            "GetImport" => host.Imports.GetImportAsync(new GetImportRequest { ImportId = importId }, as_, cancellationToken: Cancel).ResponseAsync,
            "StartImport" => host.Imports.StartImportAsync(new StartImportRequest { ImportId = importId, DuplicateMode = DuplicateMode.Update }, as_, cancellationToken: Cancel).ResponseAsync,
            "CancelImport" => host.Imports.CancelImportAsync(new CancelImportRequest { ImportId = importId }, as_, cancellationToken: Cancel).ResponseAsync,
            "ListImportErrors" => host.Imports.ListImportErrorsAsync(new ListImportErrorsRequest { ImportId = importId }, as_, cancellationToken: Cancel).ResponseAsync,
            "ListImportPreview" => host.Imports.ListImportPreviewAsync(new ListImportPreviewRequest { ImportId = importId }, as_, cancellationToken: Cancel).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };
    }
}
