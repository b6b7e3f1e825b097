using AgentCalls.Calendar.Service.Calls;
using AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Calendar.Tests;

/// <summary>What a call takes from Clients' GetClient answer.</summary>
public sealed class ClientCardTests
{
    [Fact]
    public void From_ClientWithSeveralPhones_CallsTheFirst()
    {
        var id = Guid.NewGuid();
        var client = new Client { ClientId = id.ToString(), DisplayName = "Ada Byron", DoNotCall = true, TimeZone = "Europe/London" };
        client.Phones.Add(new Phone { Number = "+442071838750", Type = PhoneType.Work });
        client.Phones.Add(new Phone { Number = "+447700900123", Type = PhoneType.Mobile });

        var card = ClientCard.From(client);

        Assert.Equal(new ClientCard(id, "Ada Byron", "+442071838750", true), card);
    }

    [Fact]
    public void From_ClientWithoutAPhone_HasAnEmptyNumber()
    {
        var card = ClientCard.From(new Client { ClientId = Guid.NewGuid().ToString(), DisplayName = "No Number" });

        Assert.Equal("", card.Phone);
    }
}
