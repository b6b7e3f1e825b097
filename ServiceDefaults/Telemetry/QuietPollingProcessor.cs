using System.Diagnostics;
using OpenTelemetry;

namespace AgentCalls.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps background polling out of the traces: a database or Redis call that no request, handler or job started (the
/// outbox relays' and workers' checks, the consumers' XREADGROUP) would be a trace of its own every few hundred
/// milliseconds, burying the ones a developer looks for. Work that does something runs under an activity of its own
/// (an event published or handled, an import batch, a sync), so its database and Redis calls are children and stay.
/// Must run before the exporters' processors, which skip what is not recorded.
/// </summary>
public sealed class QuietPollingProcessor : BaseProcessor<Activity>
{
    /// <summary>Npgsql's and the StackExchange.Redis instrumentation's activity sources.</summary>
    public static readonly HashSet<string> ClientSources = ["Npgsql", "OpenTelemetry.Instrumentation.StackExchangeRedis"];

    public override void OnEnd(Activity data)
    {
        if (data.Parent is null && data.ParentSpanId == default && ClientSources.Contains(data.Source.Name))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
