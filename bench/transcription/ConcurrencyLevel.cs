using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Transcription;

/// <summary>
/// <see cref="Calls"/> copies of the call at once, each paced at real time: how far behind schedule their audio went
/// out (the service's back-pressure when it cannot keep up), how late their partials and finals came, and the service
/// process's resident memory before and at its peak.
/// </summary>
public sealed record ConcurrencyLevel(int Calls, TimeSpan MaxSendLag, Latencies EndToFinal, Latencies StartToPartial, long IdleBytes, long PeakBytes)
{
    public long BytesPerCall => Math.Max(0, PeakBytes - IdleBytes) / Calls;

    public bool KeptUp(TimeSpan maxSendLag, double maxFinalP95Ms) => MaxSendLag <= maxSendLag && EndToFinal.P95 <= maxFinalP95Ms;

    public static async Task<ConcurrencyLevel> RunAsync(TranscriptionSystem system, StreamCaller agent, CallChannel[] channels, int calls, CancellationToken cancellationToken)
    {
        var process = system.Service.ProcessId;
        var idle = ProcessMemory.CurrentBytes(process);
        ProcessMemory.ResetPeak(process);
        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ =>
            LiveCall.RunAsync(system.Biased, agent, SyntheticCall.Vocabulary, channels, paced: true, cancellationToken)));
        var peak = ProcessMemory.PeakBytes(process);
        var endToFinal = new Latencies("end of speech -> final");
        var startToPartial = new Latencies("start of speech -> first partial");
        foreach (var call in results)
        {
            CallTimings.Add(call, endToFinal, startToPartial);
        }

        return new ConcurrencyLevel(calls, results.Max(r => r.MaxSendLag), endToFinal, startToPartial, idle, peak);
    }
}
