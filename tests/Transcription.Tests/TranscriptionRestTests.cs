using System.Net;
using AgentCalls.TestSupport;
using static AgentCalls.Transcription.Tests.TranscriptionServiceHost;

namespace AgentCalls.Transcription.Tests;

/// <summary>GetUsage through its REST face (JSON transcoding), as the gateway calls it.</summary>
public sealed class TranscriptionRestTests(TranscriptionServiceHost host)
{
    [Fact]
    public async Task GetUsage_ForAPeriodWithABearerToken_AnswersTheAgentsUsageAsJson()
    {
        var agent = await host.SignInAsync("Rita Rest", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddJobAsync(agent.AgentId, "groq", (42.5, March.AddDays(9)));

        var response = await host.Rest.GetJsonAsync(
            "/api/transcription/usage?startTime=2026-03-01T00:00:00Z&endTime=2026-04-01T00:00:00Z", agent, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(42.5, response.Body.GetProperty("audioSeconds").GetDouble());
        var groq = Assert.Single(response.Body.GetProperty("providers").EnumerateArray());
        Assert.Equal("groq", groq.GetProperty("provider").GetString());
        Assert.Equal(1, groq.GetProperty("jobCount").GetInt32());
    }

    [Fact]
    public async Task GetUsage_OnlyStartTime_Is400NamingEndTime()
    {
        var agent = await host.SignInAsync("Rex Rejected", cancellationToken: TestContext.Current.CancellationToken);

        var response = await host.Rest.GetJsonAsync("/api/transcription/usage?startTime=2026-03-01T00:00:00Z", agent, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["endTime"], response.ViolatedFields());
    }
}
