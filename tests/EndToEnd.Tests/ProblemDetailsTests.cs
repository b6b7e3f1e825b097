using System.Net;
using System.Text.Json;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>A service's gRPC error reaches the browser as RFC 7807 problem details naming the field at fault.</summary>
public sealed class ProblemDetailsTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/clients?pageSize=500", "pageSize")]
    [InlineData("/api/clients?pageToken=not-a-token", "pageToken")]
    [InlineData("/api/calendar/events", "startTime")]
    [InlineData("/api/calendar/events?startTime=2026-02-01T00:00:00Z&endTime=2026-01-01T00:00:00Z", "endTime")]
    [InlineData("/api/conversation/call-logs?clientId=42", "clientId")]
    [InlineData("/api/transcription/usage?startTime=2026-02-01T00:00:00Z", "endTime")]
    public async Task MalformedRequest_IsA400ProblemNamingTheField(string path, string field)
    {
        using var browser = await system.SignedInBrowserAsync("Ola Oops", Cancel);

        using var response = await browser.Http.GetAsync(path, Cancel);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("InvalidArgument", problem.GetProperty("grpcStatus").GetString());
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(field).EnumerateArray());
    }

    [Fact]
    public async Task UnknownApiPath_IsA404Problem()
    {
        using var browser = await system.SignedInBrowserAsync("Pat Pathless", Cancel);

        using var response = await browser.Http.GetAsync("/api/clients/v9/nothing-here", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
