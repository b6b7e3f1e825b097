using System.Diagnostics.Metrics;

namespace AgentCalls.Transcription.Service.Streaming;

/// <summary>How many channel recognizers (native decoders) are alive: a gauge for operators, and what tests watch fall.</summary>
public sealed class ActiveRecognizers
{
    private int count;

    public ActiveRecognizers(IMeterFactory meters) =>
        meters.Create("AgentCalls.Transcription").CreateObservableGauge("transcription.active_recognizers", () => Volatile.Read(ref count));

    public int Count => Volatile.Read(ref count);

    public void Opened() => Interlocked.Increment(ref count);

    public void Closed() => Interlocked.Decrement(ref count);
}
