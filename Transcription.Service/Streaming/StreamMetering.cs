using AgentCalls.Transcription.Service.Usage;
using AgentCalls.Transcription.Service.Vad;

namespace AgentCalls.Transcription.Service.Streaming;

/// <summary>
/// Meters one live stream as its audio arrives. Its job and usage record exist from the start; their seconds are
/// written every <c>Transcription:MeteringInterval</c> of audio, so a crash of the service loses at most that much; and
/// each write reads again what is left of the agent's monthly allowance (other streams spend it too), so audio past it
/// is refused and the stream ends. A heartbeat writes at least every interval of wall time as well, even when no audio
/// comes (a muted call), which renews the job's lease: a job whose lease lapses was left by a process that died, and
/// <see cref="AbandonedStreams"/> ends it.
/// </summary>
public sealed partial class StreamMetering
{
    private const int SampleRate = SileroVadModel.SampleRate;

    private readonly UsageMeter meter;
    private readonly Guid agentId;
    private readonly MeteredStream stream;
    private readonly long intervalSamples;

    /// <summary>The meter's database context serves one caller at a time: the audio path or the heartbeat.</summary>
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource stopHeartbeat = new();
    private Task heartbeat = Task.CompletedTask;
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

    /// <summary>Opens the stream's metering (an allowance already used up admits no audio) and starts its heartbeat.</summary>
    public static async Task<StreamMetering> StartAsync(
        UsageMeter meter, Guid agentId, string engine, TimeSpan interval, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var metering = new StreamMetering(meter, agentId, await meter.StartStreamAsync(agentId, engine, cancellationToken), interval);
        await metering.ReadAllowanceAsync(cancellationToken);
        metering.heartbeat = metering.BeatAsync(interval, time, logger);
        return metering;
    }

    /// <summary>True once the allowance holds no more audio: the stream must end.</summary>
    public bool UsedUp => samples >= allowanceEnd;

    /// <summary>Counts a chunk of <paramref name="count"/> samples and answers how many of them the allowance admits.</summary>
    public async Task<int> AdmitAsync(int count, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
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
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops the heartbeat, then writes the stream's final seconds and completes its job, or forgets a stream that sent no audio.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        await stopHeartbeat.CancelAsync();
        await heartbeat;
        await (samples == 0 ? meter.DiscardStreamAsync(stream, cancellationToken) : WriteAsync(ended: true, cancellationToken));
    }

    private async Task BeatAsync(TimeSpan interval, TimeProvider time, ILogger logger)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopHeartbeat.Token))
            {
                await gate.WaitAsync(stopHeartbeat.Token);
                try
                {
                    await WriteAsync(ended: false, stopHeartbeat.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The stream goes on without its database: the next beat or audio write tries again, and the sweep
                    // ends the job only if none gets through for the whole lease.
                    LogHeartbeatFailed(logger, e, stream.JobId);
                }
                finally
                {
                    gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stopHeartbeat.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew live stream job {JobId}")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, Guid jobId);

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
