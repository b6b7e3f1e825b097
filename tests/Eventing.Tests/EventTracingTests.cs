using System.Diagnostics;
using AgentCalls.Eventing.Tests.Support;
using AgentCalls.ServiceDefaults.Telemetry;
using AgentCalls.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using static AgentCalls.Eventing.Tests.Support.EventingTestHost;

namespace AgentCalls.Eventing.Tests;

/// <summary>What a developer finds in the dashboard's traces: the work, not the polling.</summary>
public sealed class EventTracingTests(DatabaseServers servers)
{
    private static readonly ActivitySource Requests = new(ApplicationName);
    private const string ApplicationName = "Eventing.Tests";

    [Fact]
    public async Task Tracing_IdlePollingThenAnEvent_ExportsNoPollingAndOneTraceFromTheSenderToTheHandler()
    {
        var exported = new ExportedSpans();
        using var polls = new PollCounter();
        await using var host = await StartAsync(await CreateDatabaseAsync(servers), servers.RedisConnectionString, configure: builder =>
        {
            builder.ConfigureOpenTelemetry();
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
        });

        // The relay checks the outbox and the consumer reads its stream several times while nothing happens.
        await Eventually.IsTrueAsync(() => Task.FromResult(polls.Postgres >= 5 && polls.Redis >= 5));
        var agent = NewAgent("Traced");
        string senderTrace;
        using (var request = Requests.StartActivity("register agent", ActivityKind.Server))
        {
            Assert.NotNull(request);
            senderTrace = request.TraceId.ToString();
            await host.CommitAsync(agent);
        }

        await Eventually.IsTrueAsync(async () => (await host.AppliedAsync(agent.AgentId)).Count == 1);
        // Every tracer provider in the process listens to every activity source, so other tests' spans are here too.
        var handled = await Eventually.ReturnsAsync(() => Task.FromResult(exported.Snapshot()
            .FirstOrDefault(a => a.Kind == ActivityKind.Consumer && a.TraceId.ToString() == senderTrace)));

        var spans = exported.Snapshot();
        Assert.DoesNotContain(spans, span => span.Parent is null && span.ParentSpanId == default
            && QuietPollingProcessor.ClientSources.Contains(span.Source.Name));
        Assert.Equal("AgentCalls.Eventing", handled.Source.Name);
        Assert.Contains(spans, span => span.DisplayName == "register agent" && span.TraceId.ToString() == senderTrace);
        Assert.Contains(spans, span => span.DisplayName == "outbox publish");
        // The handler's own database work is part of its trace.
        Assert.Contains(spans, span => span.Source.Name == "Npgsql" && span.TraceId == handled.TraceId);
    }

    /// <summary>Counts the database and Redis calls made with nothing around them, recorded or not.</summary>
    private sealed class PollCounter : IDisposable
    {
        private readonly ActivityListener listener;
        private int postgres;
        private int redis;

        public PollCounter()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => QuietPollingProcessor.ClientSources.Contains(source.Name),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
                ActivityStopped = activity =>
                {
                    if (activity.ParentSpanId == default)
                    {
                        Interlocked.Increment(ref activity.Source.Name == "Npgsql" ? ref postgres : ref redis);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
        }

        public int Postgres => Volatile.Read(ref postgres);

        public int Redis => Volatile.Read(ref redis);

        public void Dispose() => listener.Dispose();
    }
}
