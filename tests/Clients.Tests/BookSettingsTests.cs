using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;

namespace AgentCalls.Clients.Tests;

/// <summary>The agent's book settings through their own gRPC service (how they decide the queue: CallQueueTests).</summary>
public sealed class BookSettingsTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateBookSettings_Invalid_IsRefusedNamingEveryField()
    {
        var agent = await host.NewAgentAsync("Settings Sid");

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.Settings.UpdateBookSettingsAsync(new UpdateBookSettingsRequest
        {
            Settings = new BookSettings { RenewalWindowDays = 0, ContactIntervalDays = 30, LapseWindowDays = 30, TimeZone = "Nowhere/Land", DefaultRegion = "ZZ" },
        }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(["renewalWindowDays", "timeZone", "defaultRegion"], fields);
    }
}
