using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Date = Google.Type.Date;
using TimeOfDay = Google.Type.TimeOfDay;

namespace AgentCalls.Clients.Tests;

/// <summary>The export writes the import's format: exported and imported again, a book comes back as it was.</summary>
public sealed class ExportTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportThenImport_IntoAnEmptyBook_ReproducesTheBook()
    {
        var source = await host.NewAgentAsync("Export Source");
        var target = await host.NewAgentAsync("Export Target");
        await SeedAsync(source);

        var csv = await host.ExportAsync(source);
        var import = await host.ImportCsvAsync(target, csv);

        Assert.Equal((0, 3), (import.RowsFailed, import.ClientsCreated));
        Assert.Equal(await BookAsync(source), await BookAsync(target));
    }

    [Fact]
    public async Task ExportThenImport_IntoTheSameBook_ChangesNothing()
    {
        var agent = await host.NewAgentAsync("Export Same");
        await SeedAsync(agent);
        var before = await BookAsync(agent);

        var import = await host.ImportCsvAsync(agent, await host.ExportAsync(agent));

        Assert.Equal((0, 0, 3, 0, 0), (import.ClientsCreated, import.ClientsUpdated, import.ClientsUnchanged, import.PoliciesCreated, import.PoliciesUpdated));
        Assert.Equal(before, await BookAsync(agent));
    }

    private async Task SeedAsync(SignedInAgent agent)
    {
        var household = await host.Households.CreateHouseholdAsync(new CreateHouseholdRequest { Name = "The Roundtrips" }, agent.Bearer, cancellationToken: Cancel);
        var full = await host.CreateClientAsync(agent, "Rhoda \"Ro\" Trip", c =>
        {
            c.Email = "ro@example.com";
            c.Phones.Add(new Phone { Number = "+12025550111", Type = PhoneType.Mobile });
            c.Phones.Add(new Phone { Number = "+12025550112", Type = PhoneType.Home });
            c.Address = new PostalAddress { Line1 = "1 Loop Rd, Apt 2", City = "Chicago", Region = "IL", PostalCode = "60601", CountryCode = "US" };
            c.DateOfBirth = new Date { Year = 1975, Month = 7, Day = 4 };
            c.HouseholdId = household.HouseholdId;
            c.ContactWindowStart = new TimeOfDay { Hours = 8, Minutes = 30 };
            c.ContactWindowEnd = new TimeOfDay { Hours = 11 };
            c.TimeZone = "America/Chicago";
            c.RecordingConsent = RecordingConsent.Declined;
            c.Tags.Add("gold");
            c.Tags.Add("referral");
            c.Notes = "Multi-line\nnote; with, delimiters";
            c.ExternalId = "AMS-1";
        });
        await host.CreatePolicyAsync(agent, full.ClientId, $"RT-A-{agent.AgentId:N}", p => (p.PremiumMinor, p.ExpirationDate) = (98_765, new Date { Year = 2027, Month = 3, Day = 1 }));
        await host.CreatePolicyAsync(agent, full.ClientId, $"RT-B-{agent.AgentId:N}", p => (p.Status, p.LineOfBusiness, p.CurrencyCode) = (PolicyStatus.Cancelled, LineOfBusiness.Umbrella, "JPY"));
        await host.CreateClientAsync(agent, "Dee Donotcall", c => (c.DoNotCall, c.DoNotCallReason, c.Email) = (true, "Asked", "dee@example.com"));
        await host.CreateClientAsync(agent, "=Formula Fred", c => c.Phones.Add(new Phone { Number = "+447946000123", Type = PhoneType.Other }));
    }

    /// <summary>The book as comparable values: every client with its policies, ids and times left out.</summary>
    private async Task<List<string>> BookAsync(SignedInAgent agent)
    {
        var book = new List<string>();
        foreach (var summary in await host.AllClientsAsync(agent))
        {
            var client = await host.Clients.GetClientAsync(new GetClientRequest { ClientId = summary.ClientId }, agent.Bearer, cancellationToken: Cancel);
            client.ClientId = client.Etag = client.HouseholdId = "";
            client.CreatedAt = client.UpdatedAt = null;
            foreach (var policy in client.Policies)
            {
                policy.PolicyId = policy.ClientId = policy.Etag = "";
                policy.PolicyNumber = policy.PolicyNumber.Split('-')[1];
                policy.CreatedAt = policy.UpdatedAt = null;
            }

            book.Add(client.ToString());
        }

        return book;
    }
}
