using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static AgentCalls.Transcription.Tests.TranscriptionServiceHost;

namespace AgentCalls.Transcription.Tests;

public sealed class GetUsageTests(TranscriptionServiceHost host)
{
    [Fact]
    public async Task GetUsage_WithoutAToken_IsUnauthenticated() =>
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () =>
            host.Transcription.GetUsageAsync(new GetUsageRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

    [Fact]
    public async Task GetUsage_NewAgentWithNoPeriod_ReportsNothingForTheCurrentUtcMonth()
    {
        var agent = await host.SignInAsync("Nico New", cancellationToken: TestContext.Current.CancellationToken);
        var before = MonthOf(DateTimeOffset.UtcNow);

        var usage = await host.GetUsageAsync(agent, new GetUsageRequest());

        var month = usage.StartTime.ToDateTimeOffset();
        Assert.Contains(month, new[] { before, MonthOf(DateTimeOffset.UtcNow) });
        Assert.Equal(month.AddMonths(1), usage.EndTime.ToDateTimeOffset());
        Assert.Equal((0d, 0), (usage.AudioSeconds, usage.JobCount));
        Assert.Empty(usage.Providers);
    }

    [Fact]
    public async Task GetUsage_TwoAgentsWithUsage_EachSeesOnlyTheirOwn()
    {
        var ann = await host.SignInAsync("Ann Metered", cancellationToken: TestContext.Current.CancellationToken);
        var bob = await host.SignInAsync("Bob Metered", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddJobAsync(ann.AgentId, "groq", (60, March.AddDays(3)));
        await host.AddJobAsync(bob.AgentId, "groq", (5, March.AddDays(3)));
        await host.AddJobAsync(bob.AgentId, "pocketsphinx", (7, March.AddDays(4)));

        var annSees = await host.GetUsageAsync(ann, March, March.AddMonths(1));
        var bobSees = await host.GetUsageAsync(bob, March, March.AddMonths(1));

        Assert.Equal([("groq", 60d, 1)], Providers(annSees));
        Assert.Equal([("groq", 5d, 1), ("pocketsphinx", 7d, 1)], Providers(bobSees));
    }

    [Fact]
    public async Task GetUsage_SeveralJobsAndRecords_SumsSecondsAndCountsDistinctJobsPerProvider()
    {
        var agent = await host.SignInAsync("Sue Summer", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddJobAsync(agent.AgentId, "pocketsphinx", (20, March.AddDays(2)));
        await host.AddJobAsync(agent.AgentId, "groq", (30, March.AddDays(1)), (15.5, March.AddDays(1).AddMinutes(1)));
        await host.AddJobAsync(agent.AgentId, "groq", (10, March.AddDays(5)));

        var usage = await host.GetUsageAsync(agent, March, March.AddMonths(1));

        Assert.Equal([("groq", 55.5, 2), ("pocketsphinx", 20d, 1)], Providers(usage));
        Assert.Equal((75.5, 3), (usage.AudioSeconds, usage.JobCount));
    }

    [Fact]
    public async Task GetUsage_RecordsAtThePeriodsEdges_CountsTheStartButNotTheEnd()
    {
        var agent = await host.SignInAsync("Eda Edges", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddJobAsync(agent.AgentId, "groq", (1, March.AddTicks(-10)), (2, March), (4, March.AddMonths(1).AddTicks(-10)), (8, March.AddMonths(1)));

        var usage = await host.GetUsageAsync(agent, March, March.AddMonths(1));

        Assert.Equal((6d, 1), (usage.AudioSeconds, usage.JobCount));
        Assert.Equal((March, March.AddMonths(1)), (usage.StartTime.ToDateTimeOffset(), usage.EndTime.ToDateTimeOffset()));
    }

    [Theory]
    [InlineData(0, null, "endTime")]
    [InlineData(null, 1, "startTime")]
    [InlineData(1, 1, "endTime")]
    [InlineData(2, 1, "endTime")]
    public async Task GetUsage_PeriodHalfSetOrInverted_IsInvalidArgumentOnTheField(int? startDay, int? endDay, string expected)
    {
        var agent = await host.SignInAsync("Rae Range", cancellationToken: TestContext.Current.CancellationToken);
        var request = new GetUsageRequest { StartTime = OnDay(startDay), EndTime = OnDay(endDay) };

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.GetUsageAsync(agent, request));

        Assert.Equal([expected], fields);
    }

    [Fact]
    public async Task GetUsage_EndTimeNotAValidTimestamp_IsInvalidArgumentOnEndTime()
    {
        var agent = await host.SignInAsync("Ivy Invalid", cancellationToken: TestContext.Current.CancellationToken);
        var request = new GetUsageRequest { StartTime = OnDay(0), EndTime = new Timestamp { Seconds = long.MaxValue } };

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.GetUsageAsync(agent, request));

        Assert.Equal(["endTime"], fields);
    }

    private static Timestamp? OnDay(int? day) => day is { } d ? Timestamp.FromDateTimeOffset(March.AddDays(d)) : null;

    private static DateTimeOffset MonthOf(DateTimeOffset now) => new(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);

    private static IEnumerable<(string, double, int)> Providers(GetUsageResponse usage) =>
        usage.Providers.Select(p => (p.Provider, p.AudioSeconds, p.JobCount));
}
