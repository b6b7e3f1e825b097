using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Usage;
using Microsoft.Extensions.Time.Testing;

namespace AgentCalls.Transcription.Tests;

/// <summary>The default period (the current UTC month) at the clock's edges, with the clock under the test's control.</summary>
public sealed class UsageReportTests(TranscriptionServiceHost host)
{
    [Theory]
    [InlineData("2026-12-31T23:59:59.9999999Z", "2026-12-01", "2027-01-01")]
    [InlineData("2026-03-01T00:00:00Z", "2026-03-01", "2026-04-01")]
    [InlineData("2028-02-29T12:00:00Z", "2028-02-01", "2028-03-01")]
    public async Task GetAsync_NoPeriod_ReportsTheUtcMonthOfNow(string now, string start, string end)
    {
        var usage = await ReportAtAsync(DateTimeOffset.Parse(now), Guid.NewGuid());

        Assert.Equal(DateTimeOffset.Parse(start + "T00:00:00Z"), usage.StartTime.ToDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse(end + "T00:00:00Z"), usage.EndTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task GetAsync_NoPeriodOnNewYearsEve_SumsOnlyDecembersRecords()
    {
        var agentId = Guid.NewGuid();
        var december = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await host.AddJobAsync(agentId, "groq", (1, december.AddSeconds(-1)), (2, december), (4, december.AddMonths(1).AddSeconds(-1)), (8, december.AddMonths(1)));

        var usage = await ReportAtAsync(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero), agentId);

        Assert.Equal(6, usage.AudioSeconds);
    }

    private Task<GetUsageResponse> ReportAtAsync(DateTimeOffset now, Guid agentId) =>
        host.Services.QueryAsync<TranscriptionDbContext, GetUsageResponse>(db =>
            new UsageReport(db, new FakeTimeProvider(now)).GetAsync(agentId, new GetUsageRequest(), TestContext.Current.CancellationToken));
}
