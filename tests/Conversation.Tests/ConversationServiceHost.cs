using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ConversationClient = AgentCalls.Contracts.Conversation.V1.Conversation.ConversationClient;

namespace AgentCalls.Conversation.Tests;

/// <summary>Conversation.Service on its own database, with the real Identity and no LLM role configured (offline), for this test assembly.</summary>
public class ConversationServiceHost() : ServiceHost<ConversationDbContext>("conversationdb")
{
    /// <summary>A fixed time the tests place their calls around (each test has its own agent).</summary>
    public static readonly DateTimeOffset Morning = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public ConversationClient Conversation => new(Channel);

    /// <summary>A small upload limit, so the test of it sends little.</summary>
    public const long MaxDocumentBytes = 300_000;

    /// <summary>The embedding model, loaded once for every host of the assembly (it takes ~350 MB).</summary>
    protected override void ConfigureService(IWebHostBuilder host)
    {
        host.UseSetting("Documents:MaxDocumentBytes", MaxDocumentBytes.ToString());
        host.ConfigureServices(services => services.AddSingleton<ITextEmbedder>(SharedEmbedder.Instance));
    }

    /// <summary>Adds one call log of <paramref name="agent"/> with <paramref name="clientId"/> per start time, in the order given.</summary>
    public async Task<CallLog[]> AddCallsAsync(SignedInAgent agent, Guid clientId, params DateTimeOffset[] startTimes)
    {
        var logs = startTimes.Select(start => new CallLog { AgentId = agent.AgentId, ClientId = clientId, StartedAt = start }).ToArray();
        await Services.AddRowsAsync<ConversationDbContext>(logs, TestContext.Current.CancellationToken);
        return logs;
    }

    public async Task<ListCallLogsResponse> ListAsync(SignedInAgent agent, int pageSize = 0, string pageToken = "", string clientId = "") =>
        await Conversation.ListCallLogsAsync(
            new ListCallLogsRequest { PageSize = pageSize, PageToken = pageToken, ClientId = clientId }, agent.Bearer,
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Every page from <paramref name="pageToken"/> on, in order.</summary>
    public Task<List<CallLogSummary>> ListFromAsync(SignedInAgent agent, int pageSize, string pageToken, string clientId = "") =>
        Pages.ReadFromAsync(pageToken, token => ListAsync(agent, pageSize, token, clientId), page => page.CallLogs, page => page.NextPageToken);
}
