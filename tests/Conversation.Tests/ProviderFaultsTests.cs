using System.ClientModel;
using AgentCalls.Conversation.Service.Ai;
using AgentCalls.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Tests;

/// <summary>
/// The roles' production clients against an OpenAI-compatible provider that misbehaves: errors now and then are absorbed
/// within a bounded number of requests, and a provider that is down is left alone (the circuit opens) until it recovers.
/// Each test uses a role of its own, so each has its own circuit.
/// </summary>
public sealed class ProviderFaultsTests(ProviderFaultsTests.Provider provider) : IClassFixture<ProviderFaultsTests.Provider>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerErrors_OneRequestInTenWithAddedLatency_EveryCallAnswersWithBoundedRetries()
    {
        const int calls = 30;
        var marker = LlmServiceHost.Marker();
        provider.OpenAi.Reply(marker, [.. Enumerable.Repeat(FakeChatReply.Text("Water backup is covered."), calls)]);
        provider.OpenAi.ServerErrorEvery = 10;
        provider.OpenAi.TimeToFirstToken = TimeSpan.FromMilliseconds(200);
        try
        {
            for (var i = 0; i < calls; i++)
            {
                var answer = await provider.Role(LlmRole.Documentation).GetResponseAsync(marker, new ChatOptions().ForAgent(Guid.NewGuid()), Cancel);
                Assert.Equal("Water backup is covered.", answer.Text);
            }
        }
        finally
        {
            provider.OpenAi.ServerErrorEvery = 0;
            provider.OpenAi.TimeToFirstToken = TimeSpan.Zero;
        }

        var sent = provider.OpenAi.ChatRequestsContaining(marker).Count;
        Assert.InRange(sent / (double)calls, 1.0, 1.3);
        Assert.True(sent > calls, "No request failed: the fault switch did not act.");
    }

    [Fact]
    public async Task TooManyRequests_WithoutRetryAfter_IsRetriedWithBackoffAndAnswers()
    {
        var marker = LlmServiceHost.Marker();
        provider.OpenAi.Reply(marker, FakeChatReply.Error(429), FakeChatReply.Text("After the backoff."));

        var answer = await provider.Role(LlmRole.FunctionExecution).GetResponseAsync(marker, new ChatOptions().ForAgent(Guid.NewGuid()), Cancel);

        Assert.Equal("After the backoff.", answer.Text);
        Assert.Equal(2, provider.OpenAi.ChatRequestsContaining(marker).Count);
    }

    [Fact]
    public async Task ServerErrors_Sustained_OpenTheCircuitUntilTheProviderRecovers()
    {
        var role = provider.Role(LlmRole.Summarisation);
        var marker = LlmServiceHost.Marker();
        ClientResultException? answeredWithoutAsking = null;
        provider.OpenAi.Down = true;
        try
        {
            // Each call's attempts are samples; once enough have failed, calls stop reaching the provider.
            for (var call = 0; call < 10 && answeredWithoutAsking is null; call++)
            {
                var sentBefore = provider.OpenAi.ChatRequestsContaining(marker).Count;
                var failure = await Assert.ThrowsAsync<ClientResultException>(() => role.GetResponseAsync(marker, new ChatOptions().ForAgent(Guid.NewGuid()), Cancel));
                if (provider.OpenAi.ChatRequestsContaining(marker).Count == sentBefore)
                {
                    answeredWithoutAsking = failure;
                }
            }
        }
        finally
        {
            provider.OpenAi.Down = false;
        }

        Assert.NotNull(answeredWithoutAsking);
        Assert.Equal(503, answeredWithoutAsking.Status);
        Assert.True(answeredWithoutAsking.GetRawResponse()!.Headers.TryGetValue("Retry-After", out _), "An open circuit says when to try again.");
        Assert.InRange(provider.OpenAi.ChatRequestsContaining(marker).Count, Provider.Circuit.MinimumThroughput, Provider.Circuit.MinimumThroughput + Provider.MaxRetries);

        // After the break one request is let through; it succeeds, and the circuit closes.
        provider.OpenAi.Reply(marker, FakeChatReply.Text("Back."), FakeChatReply.Text("Still back."));
        var back = await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return (await role.GetResponseAsync(marker, new ChatOptions().ForAgent(Guid.NewGuid()), Cancel)).Text;
            }
            catch (ClientResultException e) when (e.Status == 503)
            {
                return null;
            }
        }, timeout: TimeSpan.FromSeconds(30), interval: TimeSpan.FromMilliseconds(250));
        Assert.Equal("Back.", back);
        Assert.Equal("Still back.", (await role.GetResponseAsync(marker, new ChatOptions().ForAgent(Guid.NewGuid()), Cancel)).Text);
    }

    [Fact]
    public void CircuitSetting_OutOfItsRange_IsRefusedNamingIt()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Llm:Roles:{LlmRole.Documentation}:Endpoint"] = provider.OpenAi.BaseUrl.ToString(),
            [$"Llm:Roles:{LlmRole.Documentation}:Model"] = LlmServiceHost.Model(LlmRole.Documentation),
            [$"Llm:Roles:{LlmRole.Documentation}:Circuit:BreakDuration"] = "00:00:00.1",
        });
        builder.AddAi();
        using var app = builder.Build();

        var refused = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<LlmOptions>>().Value);
        Assert.Contains("Circuit", refused.Message);
    }

    /// <summary>The fake provider, and the service's AI registration (AddAi, as Program runs it) with every role on it.</summary>
    public sealed class Provider : IAsyncLifetime
    {
        public const int MaxRetries = 2;

        public static readonly (int MinimumThroughput, TimeSpan BreakDuration) Circuit = (10, TimeSpan.FromSeconds(2));

        private WebApplication? app;

        public FakeOpenAi OpenAi { get; private set; } = null!;

        public IChatClient Role(string role) => app!.Services.GetRequiredKeyedService<IChatClient>(role);

        public async ValueTask InitializeAsync()
        {
            OpenAi = await FakeOpenAi.StartAsync();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
            var settings = new Dictionary<string, string?>();
            foreach (var role in LlmRole.All)
            {
                settings[$"Llm:Roles:{role}:Endpoint"] = OpenAi.BaseUrl.ToString();
                settings[$"Llm:Roles:{role}:Model"] = LlmServiceHost.Model(role);
                settings[$"Llm:Roles:{role}:MaxRetries"] = MaxRetries.ToString();
                settings[$"Llm:Roles:{role}:MaxRetryDelay"] = "00:00:01";
                settings[$"Llm:Roles:{role}:Circuit:MinimumThroughput"] = Circuit.MinimumThroughput.ToString();
                settings[$"Llm:Roles:{role}:Circuit:BreakDuration"] = Circuit.BreakDuration.ToString();
            }

            builder.Configuration.AddInMemoryCollection(settings);
            // The resilience pipeline logs every refused attempt; the assertions say what matters.
            builder.Logging.ClearProviders();
            builder.AddAi();
            app = builder.Build();
        }

        public async ValueTask DisposeAsync()
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await OpenAi.DisposeAsync();
        }
    }
}
