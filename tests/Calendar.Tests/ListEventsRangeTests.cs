using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using static AgentCalls.Calendar.Tests.CalendarServiceHost;

namespace AgentCalls.Calendar.Tests;

/// <summary>Which events a range [startTime, endTime) takes, and which ranges are refused.</summary>
public sealed class ListEventsRangeTests(CalendarServiceHost host)
{
    private static readonly DateTimeOffset Ten = Day.AddHours(10);
    private static readonly DateTimeOffset Noon = Day.AddHours(12);

    [Fact]
    public async Task ListEvents_EventsAroundTheRange_ReturnsThoseOverlappingItInStartOrder()
    {
        var agent = await host.SignInAsync("Bea Boundary", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddEventsAsync(agent,
            ("ends at start", Day.AddHours(9), Ten),
            ("starts at end", Noon, Day.AddHours(13)),
            ("inside", Day.AddHours(10.5), Day.AddHours(11)),
            ("overlaps end", Day.AddHours(11.5), Day.AddHours(12.5)),
            ("starts at start", Ten, Day.AddHours(10.25)),
            ("overlaps start", Day.AddHours(9.5), Day.AddHours(10.5)),
            ("spans the range", Day.AddHours(8), Day.AddHours(14)),
            ("the day before", Day.AddHours(-14), Day.AddHours(-13)));

        var titles = (await host.ListAsync(agent, Ten, Noon)).Events.Select(e => e.Title);

        Assert.Equal(["spans the range", "overlaps start", "starts at start", "inside", "overlaps end"], titles);
    }

    [Fact]
    public async Task ListEvents_ZeroLengthEvents_AreTakenFromTheRangeStartUpToButNotAtItsEnd()
    {
        var agent = await host.SignInAsync("Zed Zero", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddEventsAsync(agent, ("at start", Ten, Ten), ("inside", Day.AddHours(11), Day.AddHours(11)), ("at end", Noon, Noon));

        var titles = (await host.ListAsync(agent, Ten, Noon)).Events.Select(e => e.Title);

        Assert.Equal(["at start", "inside"], titles);
    }

    [Fact]
    public async Task ListEvents_RangeOfExactly366Days_IsAccepted()
    {
        var agent = await host.SignInAsync("Yan Year", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddEventsAsync(agent, ("last hour", Day.AddDays(366).AddHours(-1), Day.AddDays(366)));

        var titles = (await host.ListAsync(agent, Day, Day.AddDays(366))).Events.Select(e => e.Title);

        Assert.Equal(["last hour"], titles);
    }

    [Theory]
    [InlineData(null, 1, "startTime")]
    [InlineData(0, null, "endTime")]
    [InlineData(null, null, "startTime,endTime")]
    [InlineData(1, 1, "endTime")]
    [InlineData(2, 1, "endTime")]
    [InlineData(0, 366 * 24 + 1, "endTime")]
    public async Task ListEvents_RangeMissingInvertedOrTooLong_IsInvalidArgumentOnTheField(int? startHour, int? endHour, string expected)
    {
        var agent = await host.SignInAsync("Rae Range", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddEventsAsync(agent, ("kept", Day, Day.AddHours(1)));
        var request = new ListEventsRequest { StartTime = At(startHour), EndTime = At(endHour) };

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.ListAsync(agent, request));

        Assert.Equal(expected.Split(','), fields);
        Assert.Single((await host.ListAsync(agent, Day, Day.AddDays(1))).Events);
    }

    [Theory]
    [InlineData(long.MaxValue, 0)]
    [InlineData(-62_135_596_801, 0)]
    [InlineData(1_772_409_600, -1)]
    [InlineData(1_772_409_600, 1_000_000_000)]
    public async Task ListEvents_StartTimeNotAValidTimestamp_IsInvalidArgumentOnStartTime(long seconds, int nanos)
    {
        var agent = await host.SignInAsync("Ivy Invalid", cancellationToken: TestContext.Current.CancellationToken);
        var request = new ListEventsRequest { StartTime = new Timestamp { Seconds = seconds, Nanos = nanos }, EndTime = Timestamp.FromDateTimeOffset(Day) };

        var fields = await RpcAssert.InvalidArgumentAsync(() => host.ListAsync(agent, request));

        Assert.Equal(["startTime"], fields);
    }

    private static Timestamp? At(int? hour) => hour is { } h ? Timestamp.FromDateTimeOffset(Day.AddHours(h)) : null;
}
