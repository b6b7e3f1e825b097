using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Date = Google.Type.Date;
using TimeOfDay = Google.Type.TimeOfDay;
using Grpc.Core;

namespace AgentCalls.Clients.Tests;

/// <summary>Creating, reading, replacing and deleting clients over gRPC, with their history.</summary>
public sealed class ClientApiTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateClient_EveryField_IsStoredNormalisedAndReadBack()
    {
        var agent = await host.NewAgentAsync("Cora Create");
        var household = await host.Households.CreateHouseholdAsync(new CreateHouseholdRequest { Name = "The Garcias" }, agent.Bearer, cancellationToken: Cancel);

        var created = await host.CreateClientAsync(agent, "  Maria Garcia ", c =>
        {
            c.Email = " Maria.Garcia@Example.COM ";
            c.Phones.Add(new Phone { Number = "(202) 555-0143", Type = PhoneType.Mobile });
            c.Phones.Add(new Phone { Number = "+44 20 7946 0958", Type = PhoneType.Work });
            c.Address = new PostalAddress { Line1 = "1 Main St", City = "Springfield", Region = "IL", PostalCode = "62701", CountryCode = "us" };
            c.DateOfBirth = new Date { Year = 1980, Month = 2, Day = 29 };
            c.HouseholdId = household.HouseholdId;
            c.ContactWindowStart = new TimeOfDay { Hours = 17 };
            c.ContactWindowEnd = new TimeOfDay { Hours = 19, Minutes = 30 };
            c.TimeZone = "America/Chicago";
            c.DoNotCall = true;
            c.DoNotCallReason = "Asked by letter";
            c.RecordingConsent = RecordingConsent.Granted;
            c.Tags.Add("VIP");
            c.Tags.Add("vip");
            c.Notes = "Prefers e-mail first.";
        });
        var read = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = created.ClientId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("Maria Garcia", read.DisplayName);
        Assert.Equal("maria.garcia@example.com", read.Email);
        Assert.Equal(["+12025550143", "+442079460958"], read.Phones.Select(p => p.Number));
        Assert.Equal("US", read.Address.CountryCode);
        Assert.Equal(new Date { Year = 1980, Month = 2, Day = 29 }, read.DateOfBirth);
        Assert.Equal(("The Garcias", household.HouseholdId), (read.HouseholdName, read.HouseholdId));
        Assert.Equal(19, read.ContactWindowEnd.Hours);
        Assert.True(read.DoNotCall);
        Assert.NotNull(read.DoNotCallSince);
        Assert.Equal(["vip"], read.Tags);
        Assert.NotEmpty(read.Etag);
    }

    [Fact]
    public async Task UpdateClient_WithTheEtagRead_ReplacesFieldsAndRecordsHistory()
    {
        var agent = await host.NewAgentAsync("Uma Update");
        var created = await host.CreateClientAsync(agent, "Ned Nolan", c => c.Email = "ned@example.com");

        var changed = created.Clone();
        changed.Email = "ned.nolan@example.com";
        changed.Tags.Add("renewal");
        var updated = await host.Clients.UpdateClientAsync(new UpdateClientRequest { Client = changed }, agent.Bearer, cancellationToken: Cancel);
        var history = await host.Clients.ListClientHistoryAsync(new ListClientHistoryRequest { ClientId = created.ClientId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("ned.nolan@example.com", updated.Email);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal([HistoryAction.Updated, HistoryAction.Created], history.Entries.Select(e => e.Action));
        Assert.All(history.Entries, e => Assert.Equal(HistoryActor.Agent, e.Actor));
        Assert.Equal(
            [("email", "ned@example.com", "ned.nolan@example.com"), ("tags", "", "renewal")],
            history.Entries[0].Changes.Select(c => (c.Field, c.OldValue, c.NewValue)).OrderBy(c => c.Field));
    }

    [Fact]
    public async Task UpdateClient_StaleEtag_IsAbortedAndKeepsTheNewerVersion()
    {
        var agent = await host.NewAgentAsync("Sam Stale");
        var read = await host.CreateClientAsync(agent, "Otto Original");
        var first = read.Clone();
        first.DisplayName = "Otto First";
        await host.Clients.UpdateClientAsync(new UpdateClientRequest { Client = first }, agent.Bearer, cancellationToken: Cancel);

        var second = read.Clone();
        second.DisplayName = "Otto Second";
        await RpcAssert.FailsAsync(StatusCode.Aborted, () =>
            host.Clients.UpdateClientAsync(new UpdateClientRequest { Client = second }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        var stored = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = read.ClientId }, agent.Bearer, cancellationToken: Cancel);
        Assert.Equal("Otto First", stored.DisplayName);
    }

    [Fact]
    public async Task DeleteClient_RemovesItAndItsPolicies()
    {
        var agent = await host.NewAgentAsync("Dee Delete");
        var client = await host.CreateClientAsync(agent, "Gone Soon");
        await host.CreatePolicyAsync(agent, client.ClientId, $"DEL-{Guid.NewGuid():N}");

        await host.Clients.DeleteClientAsync(new DeleteClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            host.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(0, await host.QueryAsync(db => Task.FromResult(db.Policies.Count(p => p.ClientId == Guid.Parse(client.ClientId)))));
    }

    public static TheoryData<string, Action<Contracts.Clients.V1.Client>> InvalidClients => new()
    {
        { "displayName", c => c.DisplayName = "  " },
        { "email", c => c.Email = "not-an-email" },
        { "phones[0].number", c => c.Phones.Add(new Phone { Number = "12", Type = PhoneType.Mobile }) },
        { "phones[0].type", c => c.Phones.Add(new Phone { Number = "+12025550143", Type = (PhoneType)42 }) },
        { "timeZone", c => c.TimeZone = "Mars/Olympus_Mons" },
        { "dateOfBirth", c => c.DateOfBirth = new Date { Year = 2001, Month = 2, Day = 30 } },
        { "contactWindowEnd", c => c.ContactWindowStart = new TimeOfDay { Hours = 9 } },
        { "recordingConsent", c => c.RecordingConsent = (RecordingConsent)7 },
        { "address.countryCode", c => c.Address = new PostalAddress { CountryCode = "XX" } },
        { "tags", c => c.Tags.Add(new string('t', 41)) },
    };

    [Theory]
    [MemberData(nameof(InvalidClients))]
    public async Task UpdateClient_InvalidField_IsRefusedNamingItAndChangesNothing(string field, Action<Contracts.Clients.V1.Client> spoil)
    {
        var agent = await host.NewAgentAsync("Val Invalid");
        var created = await host.CreateClientAsync(agent, "Ivy Intact", c => c.Email = "ivy@example.com");
        var spoiled = created.Clone();
        spoil(spoiled);

        var fields = await RpcAssert.InvalidArgumentAsync(() =>
            host.Clients.UpdateClientAsync(new UpdateClientRequest { Client = spoiled }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);
        var stored = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = created.ClientId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal([field], fields);
        Assert.Equal(created, stored);
    }

    [Theory]
    [MemberData(nameof(InvalidClients))]
    public async Task CreateClient_InvalidField_IsRefusedAndCreatesNothing(string field, Action<Contracts.Clients.V1.Client> spoil)
    {
        var agent = await host.NewAgentAsync("Val Create");
        var client = new Contracts.Clients.V1.Client { DisplayName = "Never Stored" };
        spoil(client);

        var fields = await RpcAssert.InvalidArgumentAsync(() =>
            host.Clients.CreateClientAsync(new CreateClientRequest { Client = client }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal([field], fields);
        Assert.Empty((await host.ListAsync(agent)).Clients);
    }

    [Fact]
    public async Task UpdateClient_WithoutAnEtag_IsRefusedNamingEtag()
    {
        var agent = await host.NewAgentAsync("Eve Etagless");
        var created = await host.CreateClientAsync(agent, "Ed Etag");
        var change = created.Clone();
        change.Etag = "";

        var fields = await RpcAssert.InvalidArgumentAsync(() =>
            host.Clients.UpdateClientAsync(new UpdateClientRequest { Client = change }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(["etag"], fields);
    }
}
