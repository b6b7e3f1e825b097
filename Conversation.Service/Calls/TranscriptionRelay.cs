using AgentCalls.Contracts.Transcription.V1;
using Google.Protobuf;
using Grpc.Core;
using TranscriptionClient = AgentCalls.Contracts.Transcription.V1.Transcription.TranscriptionClient;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// A call's audio on its way to Transcription.Service's StreamTranscription, and the segments coming back. The
/// stream belongs to the process a browser follows the call on and outlives its connections (a reconnect there
/// continues it); it ends with the call.
/// </summary>
public sealed class TranscriptionRelay : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<StreamTranscriptionRequest, StreamTranscriptionResponse> stream;
    private readonly CancellationTokenSource stopping;
    private readonly SemaphoreSlim writing = new(1, 1);

    private TranscriptionRelay(AsyncDuplexStreamingCall<StreamTranscriptionRequest, StreamTranscriptionResponse> stream, CancellationTokenSource stopping)
    {
        this.stream = stream;
        this.stopping = stopping;
    }

    /// <summary>Completes when the answer stream ends; faults when Transcription fails.</summary>
    public Task Reading { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Opens the stream with this service's own token (<paramref name="serviceToken"/>: only it may open one) and sends
    /// the settings, naming the call's agent, whose allowance it is metered against. The agent's own token is not used:
    /// it expires within minutes, while a call, and a stream reopened after a failure, runs on.
    /// </summary>
    public static async Task<TranscriptionRelay> StartAsync(
        TranscriptionClient client, CallSession call, string serviceToken, Func<StreamTranscriptionResponse, CancellationToken, Task> onSegment,
        CancellationToken cancellationToken)
    {
        // The stream is the call's, not the connection's: only the end of the call (DisposeAsync) cancels it.
        var stopping = new CancellationTokenSource();
        var relay = new TranscriptionRelay(client.StreamTranscription(new Metadata { { "Authorization", $"Bearer {serviceToken}" } }, cancellationToken: stopping.Token), stopping);
        try
        {
            var settings = new StreamSettings { CallId = call.Id.ToString(), AgentId = call.AgentId.ToString(), Channels = { Channel.Agent, Channel.Client } };
            settings.Vocabulary.AddRange(call.Client.Vocabulary);
            await relay.stream.RequestStream.WriteAsync(new StreamTranscriptionRequest { Settings = settings }, cancellationToken);
        }
        catch
        {
            await relay.DisposeAsync();
            throw;
        }

        relay.Reading = ReadAsync(relay.stream.ResponseStream, onSegment, stopping.Token);
        return relay;
    }

    private static async Task ReadAsync(
        IAsyncStreamReader<StreamTranscriptionResponse> answers, Func<StreamTranscriptionResponse, CancellationToken, Task> onSegment,
        CancellationToken cancellationToken)
    {
        await foreach (var answer in answers.ReadAllAsync(cancellationToken))
        {
            await onSegment(answer, cancellationToken);
        }
    }

    public async Task WriteAsync(Channel channel, ReadOnlyMemory<byte> pcm16, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            await stream.RequestStream.WriteAsync(
                new StreamTranscriptionRequest { Audio = new AudioChunk { Channel = channel, Pcm16 = ByteString.CopyFrom(pcm16.Span) } },
                cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Tells Transcription the audio is over and waits (briefly) for the segments still in flight.</summary>
    public async Task CompleteAsync(TimeSpan wait)
    {
        await writing.WaitAsync();
        try
        {
            await stream.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The stream already failed or ended; its reader has reported why.
        }
        finally
        {
            writing.Release();
        }

        await Task.WhenAny(Reading, Task.Delay(wait));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        stream.Dispose();
        stopping.Dispose();
        writing.Dispose();
    }
}
