using AgentCalls.Transcription.Service.Usage;
using AgentCalls.Transcription.Service.Vad;

namespace AgentCalls.Transcription.Service.Streaming;

/// <summary>
/// Meters one live stream as its audio arrives. Its job and usage record exist from the start; their seconds are
/// written every <c>Transcription:MeteringInterval</c> of audio, so a crash of the service loses at most that much; and
/// each write reads again what is left of the agent's monthly allowance (other streams spend it too), so audio past it
/// is refused and the stream ends.
/// </summary>
public sealed class StreamMetering
{
    private const int SampleRate = SileroVadModel.SampleRate;

    private readonly UsageMeter meter;
    private readonly Guid agentId;
    private readonly MeteredStream stream;
    private readonly long intervalSamples;
    private long samples;
    private long written;

    /// <summary>The stream's sample count at which the allowance, as last read, runs out.</summary>
    private long allowanceEnd;

    private StreamMetering(UsageMeter meter, Guid agentId, MeteredStream stream, TimeSpan interval)
    {
        this.meter = meter;
        this.agentId = agentId;
        this.stream = stream;
        intervalSamples = (long)(interval.TotalSeconds * SampleRate);
    }

    /// <summary>Opens the stream's metering (an allowance already used up admits no audio).</summary>
    public static async Task<StreamMetering> StartAsync(UsageMeter meter, Guid agentId, string engine, TimeSpan interval, CancellationToken cancellationToken)
    {
        var metering = new StreamMetering(meter, agentId, await meter.StartStreamAsync(agentId, engine, cancellationToken), interval);
        await metering.ReadAllowanceAsync(cancellationToken);
        return metering;
    }

    /// <summary>True once the allowance holds no more audio: the stream must end.</summary>
    public bool UsedUp => samples >= allowanceEnd;

    /// <summary>Counts a chunk of <paramref name="count"/> samples and answers how many of them the allowance admits.</summary>
    public async Task<int> AdmitAsync(int count, CancellationToken cancellationToken)
    {
        var admitted = (int)Math.Min(count, Math.Max(0, allowanceEnd - samples));
        samples += admitted;
        if (samples - written >= intervalSamples)
        {
            await WriteAsync(ended: false, cancellationToken);
            await ReadAllowanceAsync(cancellationToken);
        }

        return admitted;
    }

    /// <summary>Writes the stream's final seconds and completes its job, or forgets a stream that sent no audio.</summary>
    public Task EndAsync(CancellationToken cancellationToken) =>
        samples == 0 ? meter.DiscardStreamAsync(stream, cancellationToken) : WriteAsync(ended: true, cancellationToken);

    private async Task WriteAsync(bool ended, CancellationToken cancellationToken)
    {
        await meter.UpdateStreamAsync(stream, samples / (double)SampleRate, ended, cancellationToken);
        written = samples;
    }

    private async Task ReadAllowanceAsync(CancellationToken cancellationToken)
    {
        // What is left already counts this stream's written seconds, so it runs out that far past them.
        var left = await meter.SecondsLeftAsync(agentId, cancellationToken);
        allowanceEnd = double.IsPositiveInfinity(left) ? long.MaxValue : written + (long)Math.Max(0, left * SampleRate);
    }
}
