using System.Buffers.Text;
using System.Text.Json;
using AgentCalls.TestSupport;
using static AgentCalls.Conversation.Tests.ConversationServiceHost;

namespace AgentCalls.Conversation.Tests;

public sealed class ListCallLogsPagingTests(ConversationServiceHost host)
{
    [Fact]
    public async Task ListCallLogs_CallsAddedInAnyOrder_AreNewestFirst()
    {
        var agent = await host.SignInAsync("Nell Newest", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddCallsAsync(agent, Guid.NewGuid(), Morning.AddHours(1), Morning.AddHours(3), Morning, Morning.AddHours(2));

        var started = (await host.ListAsync(agent)).CallLogs.Select(c => c.StartedAt.ToDateTimeOffset());

        Assert.Equal([Morning.AddHours(3), Morning.AddHours(2), Morning.AddHours(1), Morning], started);
    }

    [Fact]
    public async Task ListCallLogs_CallsAddedBetweenPages_ReturnsEveryCallOnceNewestFirst()
    {
        var agent = await host.SignInAsync("Kay Keyset", cancellationToken: TestContext.Current.CancellationToken);
        var client = Guid.NewGuid();
        await host.AddCallsAsync(agent, client, [.. Enumerable.Range(1, 5).Select(h => Morning.AddHours(h))]);

        var first = await host.ListAsync(agent, pageSize: 2);
        // A newer call lands before the cursor (an offset would repeat hour 4), an older one after it.
        await host.AddCallsAsync(agent, client, Morning.AddHours(9), Morning.AddHours(2.5));
        var rest = await host.ListFromAsync(agent, 2, first.NextPageToken);

        Assert.Equal(
            [5, 4, 3, 2.5, 2, 1],
            first.CallLogs.Concat(rest).Select(c => (c.StartedAt.ToDateTimeOffset() - Morning).TotalHours));
    }

    [Fact]
    public async Task ListCallLogs_SameStartAcrossPages_ReturnsEachCallOnce()
    {
        var agent = await host.SignInAsync("Sid Simultaneous", cancellationToken: TestContext.Current.CancellationToken);
        var calls = await host.AddCallsAsync(agent, Guid.NewGuid(), Morning, Morning, Morning, Morning, Morning);

        var listed = await host.ListFromAsync(agent, 2, "");

        Assert.Equal(calls.Select(c => c.Id.ToString()).Order(), listed.Select(c => c.CallLogId).Order());
    }

    [Fact]
    public async Task ListCallLogs_FilteredByClientAcrossPages_ReturnsOnlyThatClientsCallsNewestFirst()
    {
        var agent = await host.SignInAsync("Fay Filter", cancellationToken: TestContext.Current.CancellationToken);
        var alice = Guid.NewGuid();
        var aliceCalls = await host.AddCallsAsync(agent, alice, Morning, Morning.AddHours(2), Morning.AddHours(4));
        await host.AddCallsAsync(agent, Guid.NewGuid(), Morning.AddHours(1), Morning.AddHours(3), Morning.AddHours(5));

        var listed = await host.ListFromAsync(agent, 2, "", alice.ToString());

        Assert.Equal(aliceCalls.Reverse().Select(c => c.Id.ToString()), listed.Select(c => c.CallLogId));
    }

    [Fact]
    public async Task ListCallLogs_PageTokenWithAnOffsetTime_PagesFromTheSameInstant()
    {
        var agent = await host.SignInAsync("Otto Offset", cancellationToken: TestContext.Current.CancellationToken);
        var calls = await host.AddCallsAsync(agent, Guid.NewGuid(), Morning, Morning.AddHours(2));
        var token = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(
            new { SortKey = Morning.AddHours(2).ToOffset(TimeSpan.FromHours(2)), calls[1].Id }));

        var page = await host.ListAsync(agent, pageToken: token);

        Assert.Equal([calls[0].Id.ToString()], page.CallLogs.Select(c => c.CallLogId));
    }
}
