using System.Net;
using AgentCalls.TestSupport;
using static AgentCalls.Conversation.Tests.ConversationServiceHost;

namespace AgentCalls.Conversation.Tests;

/// <summary>ListCallLogs through its REST face (JSON transcoding), as the gateway calls it.</summary>
public sealed class ConversationRestTests(ConversationServiceHost host)
{
    [Fact]
    public async Task GetCallLogs_ForAClientWithABearerToken_AnswersThatClientsCallsAsJson()
    {
        var agent = await host.SignInAsync("Rita Rest", cancellationToken: TestContext.Current.CancellationToken);
        var client = Guid.NewGuid();
        var calls = await host.AddCallsAsync(agent, client, Morning);
        await host.AddCallsAsync(agent, Guid.NewGuid(), Morning.AddHours(1));

        var response = await host.Rest.GetJsonAsync($"/api/conversation/call-logs?clientId={client}", agent, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var only = Assert.Single(response.Body.GetProperty("callLogs").EnumerateArray());
        Assert.Equal(calls[0].Id.ToString(), only.GetProperty("callLogId").GetString());
        Assert.Equal("2026-03-02T09:00:00Z", only.GetProperty("startedAt").GetString());
    }

    [Fact]
    public async Task GetCallLogs_ClientIdNotAnId_Is400NamingClientId()
    {
        var agent = await host.SignInAsync("Rex Rejected", cancellationToken: TestContext.Current.CancellationToken);

        var response = await host.Rest.GetJsonAsync("/api/conversation/call-logs?clientId=nobody", agent, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["clientId"], response.ViolatedFields());
    }
}
