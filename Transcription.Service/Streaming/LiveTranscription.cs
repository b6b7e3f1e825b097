using System.Runtime.InteropServices;
using System.Threading.Channels;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.Transcription.Service.Settings;
using AgentCalls.Transcription.Service.Speech;
using AgentCalls.Transcription.Service.Usage;
using AgentCalls.Transcription.Service.Vad;
using Grpc.Core;
using Microsoft.Extensions.Options;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Service.Streaming;

/// <summary>
/// One live transcription stream: settings first, then channel-tagged audio, answered with partial and final
/// segments. Every channel has its own segmenter and recognizer running at once. Bounded queues carry the audio in
/// and the segments out, so a slow reader stops the stream from reading more audio instead of growing memory;
/// when the call ends, fails or is cancelled the recognizers are stopped and their decoders freed before it returns.
/// Its audio is metered as it arrives (<see cref="StreamMetering"/>); once the month's allowance is used up the audio
/// already admitted is transcribed and answered, and the stream ends with ResourceExhausted.
/// </summary>
public sealed class LiveTranscription(
    LiveSessionSettings sessionSettings, SpeechSettingsEditor agentSettings, SileroVadModel vadModel, IOptions<VadOptions> vadOptions, UsageMeter meter, IOptions<TranscriptionOptions> options, ActiveRecognizers active,
    TimeProvider time, ILogger<LiveTranscription> logger)
{
    /// <summary>About 3 s of audio in 100 ms chunks per channel, and as many segments, may wait.</summary>
    private const int QueueLength = 32;

    private const int MaxChunkBytes = 2 * SileroVadModel.SampleRate * sizeof(short);

    /// <summary>Runs the stream for the agent its settings name (the caller, Conversation.Service, acts for them).</summary>
    public async Task RunAsync(
        IAsyncStreamReader<StreamTranscriptionRequest> requests, IServerStreamWriter<StreamTranscriptionResponse> responses, CancellationToken cancellationToken)
    {
        if (!await requests.MoveNext(cancellationToken))
        {
            return;
        }

        var agentId = LiveSessionSettings.AgentOf(requests.Current);
        var (engine, settings) = sessionSettings.Resolve(requests.Current, await agentSettings.ChoiceAsync(agentId, cancellationToken));
        await meter.EnsureWithinLimitAsync(agentId, cancellationToken);

        using var session = await engine.StartSessionAsync(settings.Vocabulary, cancellationToken);
        var metering = await StreamMetering.StartAsync(meter, agentId, engine.Name, options.Value.MeteringInterval, time, logger, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var recognizers = new List<IUtteranceRecognizer>();
        var running = new List<Task>();
        var usedUp = false;
        try
        {
            // Decoders load their models in parallel: a second each.
            var creating = settings.Channels.Select(_ => Task.Run(() => Track(session.CreateRecognizer()), stop.Token)).ToList();
            try
            {
                await Task.WhenAll(creating);
            }
            finally
            {
                recognizers.AddRange(creating.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

            var segments = Bounded<StreamTranscriptionResponse>(singleWriter: false);
            var inputs = new Dictionary<ProtoChannel, Channel<short[]>>();
            foreach (var (channel, recognizer) in settings.Channels.Zip(recognizers))
            {
                var input = Bounded<short[]>(singleWriter: true);
                inputs[channel] = input;
                var transcriber = new ChannelTranscriber(channel, new UtteranceSegmenter(new SileroVad(vadModel), vadOptions.Value), recognizer);
                running.Add(Task.Run(() => transcriber.RunAsync(input.Reader, segments.Writer, stop.Token), stop.Token));
            }

            var transcribed = Task.WhenAll(running).ContinueWith(
                t =>
                {
                    // The first failure itself, so a recognizer's RpcException reaches the caller with its status.
                    segments.Writer.Complete(t.Exception?.InnerException);
                    if (t.IsFaulted)
                    {
                        // A failed recognizer ends the stream rather than leaving its channel unheard.
                        stop.Cancel();
                    }
                },
                TaskScheduler.Default);
            var written = WriteAsync(segments.Reader, responses, stop.Token);
            running.Add(written);

            try
            {
                while (!usedUp && await requests.MoveNext(stop.Token))
                {
                    var audio = Audio(requests.Current, inputs.Keys);
                    var admitted = await metering.AdmitAsync(audio.Samples.Length, stop.Token);
                    if (admitted > 0)
                    {
                        await inputs[audio.Channel].Writer.WriteAsync(admitted == audio.Samples.Length ? audio.Samples : audio.Samples[..admitted], stop.Token);
                    }

                    usedUp = metering.UsedUp;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A recognizer failed and stopped the stream; awaiting the writer below reports its error, not this.
            }

            foreach (var input in inputs.Values)
            {
                input.Writer.Complete();
            }

            await transcribed;
            await written;
            if (usedUp)
            {
                // The audio the allowance held has been transcribed and answered; the rest is refused.
                throw meter.AllowanceUsedUp();
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
            foreach (var recognizer in recognizers)
            {
                recognizer.Dispose();
                active.Closed();
            }

            // Metered even when the caller went away: the audio was transcribed.
            await metering.EndAsync(CancellationToken.None);
        }
    }

    private IUtteranceRecognizer Track(IUtteranceRecognizer recognizer)
    {
        active.Opened();
        return recognizer;
    }

    private static async Task WriteAsync(ChannelReader<StreamTranscriptionResponse> segments, IServerStreamWriter<StreamTranscriptionResponse> responses, CancellationToken cancellationToken)
    {
        await foreach (var segment in segments.ReadAllAsync(cancellationToken))
        {
            await responses.WriteAsync(segment, cancellationToken);
        }
    }

    private static (ProtoChannel Channel, short[] Samples) Audio(StreamTranscriptionRequest request, IEnumerable<ProtoChannel> channels)
    {
        if (request.PayloadCase != StreamTranscriptionRequest.PayloadOneofCase.Audio)
        {
            throw FieldViolations.Single("audio", "must follow the settings; settings are sent once, first.");
        }

        var audio = request.Audio;
        if (!channels.Contains(audio.Channel))
        {
            throw FieldViolations.Single("audio.channel", $"must be one of the channels named in the settings ({string.Join(", ", channels)}).");
        }

        if (audio.Pcm16.Length > MaxChunkBytes)
        {
            throw FieldViolations.Single("audio.pcm16", $"must be at most {MaxChunkBytes} bytes (2 s of audio) per chunk.");
        }

        if (audio.Pcm16.Length % 2 != 0)
        {
            throw FieldViolations.Single("audio.pcm16", "must be 16-bit samples: an even number of bytes.");
        }

        return (audio.Channel, MemoryMarshal.Cast<byte, short>(audio.Pcm16.Span).ToArray());
    }

    private static Channel<T> Bounded<T>(bool singleWriter) =>
        System.Threading.Channels.Channel.CreateBounded<T>(new BoundedChannelOptions(QueueLength) { SingleReader = true, SingleWriter = singleWriter, FullMode = BoundedChannelFullMode.Wait });
}
