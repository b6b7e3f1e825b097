using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.TestSupport;
using Grpc.Core;
using static AgentCalls.Conversation.Tests.ConversationServiceHost;

namespace AgentCalls.Conversation.Tests;

public sealed class ListCallLogsTests(ConversationServiceHost host)
{
    [Fact]
    public async Task ListCallLogs_WithoutAToken_IsUnauthenticated() =>
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () =>
            host.Conversation.ListCallLogsAsync(new ListCallLogsRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task ListCallLogs_NewAgent_ReturnsAnEmptyLastPage()
    {
        var agent = await host.SignInAsync("Nora New", cancellationToken: TestContext.Current.CancellationToken);

        var page = await host.ListAsync(agent);

        Assert.Empty(page.CallLogs);
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task ListCallLogs_TwoAgentsWithCalls_EachSeesOnlyTheirOwn()
    {
        var ann = await host.SignInAsync("Ann Caller", cancellationToken: TestContext.Current.CancellationToken);
        var bob = await host.SignInAsync("Bob Caller", cancellationToken: TestContext.Current.CancellationToken);
        var annsCalls = await host.AddCallsAsync(ann, Guid.NewGuid(), Morning);
        var bobsCalls = await host.AddCallsAsync(bob, Guid.NewGuid(), Morning, Morning.AddHours(-1));

        var annSees = await host.ListAsync(ann);
        var bobSees = await host.ListAsync(bob);

        Assert.Equal(annsCalls.Select(c => c.Id.ToString()), annSees.CallLogs.Select(c => c.CallLogId));
        Assert.Equal(bobsCalls.Select(c => c.Id.ToString()), bobSees.CallLogs.Select(c => c.CallLogId));
    }

    [Fact]
    public async Task ListCallLogs_FilteredByAnotherAgentsClient_ReturnsNothing()
    {
        var ann = await host.SignInAsync("Ann Filter", cancellationToken: TestContext.Current.CancellationToken);
        var bob = await host.SignInAsync("Bob Filter", cancellationToken: TestContext.Current.CancellationToken);
        var annsClient = Guid.NewGuid();
        await host.AddCallsAsync(ann, annsClient, Morning);

        var bobSees = await host.ListAsync(bob, clientId: annsClient.ToString());

        Assert.Empty(bobSees.CallLogs);
    }

    [Fact]
    public async Task ListCallLogs_EndedAndUnfinishedCalls_MapsTheirOutcomeSummaryAndTimes()
    {
        var agent = await host.SignInAsync("Mo Mapper", cancellationToken: TestContext.Current.CancellationToken);
        var clientId = Guid.NewGuid();
        var ended = new CallLog { AgentId = agent.AgentId, ClientId = clientId, StartedAt = Morning, EndedAt = Morning.AddMinutes(12), Outcome = "renewed", Summary = "Renewed the home policy." };
        var unfinished = new CallLog { AgentId = agent.AgentId, ClientId = clientId, StartedAt = Morning.AddHours(1) };
        await host.Services.AddRowsAsync<ConversationDbContext>([ended, unfinished], TestContext.Current.CancellationToken);

        var logs = (await host.ListAsync(agent)).CallLogs;

        Assert.Equal(
            [(Morning.AddHours(1), (DateTimeOffset?)null, "", ""), (Morning, Morning.AddMinutes(12), "renewed", "Renewed the home policy.")],
            logs.Select(l => (l.StartedAt.ToDateTimeOffset(), l.EndedAt?.ToDateTimeOffset(), l.Outcome, l.Summary)));
        Assert.All(logs, l => Assert.Equal(clientId.ToString(), l.ClientId));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public Task ListCallLogs_PageSizeOutOfRange_IsInvalidArgumentOnPageSize(int pageSize) =>
        AssertRefusedAsync("pageSize", pageSize: pageSize);

    [Theory]
    [MemberData(nameof(GarbagePageTokens.All), MemberType = typeof(GarbagePageTokens))]
    public Task ListCallLogs_PageTokenNotFromThisService_IsInvalidArgumentOnPageToken(string token) =>
        AssertRefusedAsync("pageToken", pageToken: token);

    [Theory]
    [InlineData("not-a-client")]
    [InlineData("12345")]
    [InlineData("0198a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6g")]
    public Task ListCallLogs_ClientIdNotAnId_IsInvalidArgumentOnClientId(string clientId) =>
        AssertRefusedAsync("clientId", clientId: clientId);

    [Fact]
    public async Task ListCallLogs_EveryFieldBad_NamesEachField()
    {
        var agent = await host.SignInAsync("Bea Allbad", cancellationToken: TestContext.Current.CancellationToken);

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.ListAsync(agent, 1000, "garbage", "nobody"));

        Assert.Equal(["pageSize", "pageToken", "clientId"], fields);
    }

    /// <summary>The request is refused naming <paramref name="field"/> alone, and the agent's calls are as they were.</summary>
    private async Task AssertRefusedAsync(string field, int pageSize = 0, string pageToken = "", string clientId = "")
    {
        var agent = await host.SignInAsync("Val Validator", cancellationToken: TestContext.Current.CancellationToken);
        var calls = await host.AddCallsAsync(agent, Guid.NewGuid(), Morning);

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.ListAsync(agent, pageSize, pageToken, clientId));

        Assert.Equal([field], fields);
        Assert.Equal(calls[0].Id.ToString(), Assert.Single((await host.ListAsync(agent)).CallLogs).CallLogId);
    }
}
