using AgentCalls.Conversation.Service.Data;
using AgentCalls.TestSupport;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using CallsClient = AgentCalls.Contracts.Conversation.V1.Calls.CallsClient;
using DocumentsClient = AgentCalls.Contracts.Conversation.V1.Documents.DocumentsClient;

namespace AgentCalls.Conversation.Tests;

/// <summary>One process of Conversation.Service a test starts and stops itself (to restart the service under a call).</summary>
public sealed class ConversationProcess(WebApplicationFactory<ConversationDbContext> factory) : IAsyncDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });

    public CallsClient Calls => new(channel);

    public DocumentsClient Documents => new(channel);

    /// <summary>The service's HTTP face, for uploads.</summary>
    public HttpClient Rest { get; } = factory.CreateClient();

    public IServiceProvider Services => factory.Services;

    public Task<LiveSocket> ConnectAsync(SignedInAgent agent, string callId) => LiveSocket.ConnectAsync(factory.Server.CreateWebSocketClient(), agent, callId);

    /// <summary>Stops the process as a deployment stops it; its calls are left as they are.</summary>
    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        Rest.Dispose();
        await factory.DisposeAsync();
    }
}
