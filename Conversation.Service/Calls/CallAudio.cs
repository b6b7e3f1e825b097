using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using TranscriptionClient = AgentCalls.Contracts.Transcription.V1.Transcription.TranscriptionClient;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// Takes a call's audio from the browser to Transcription and brings the segments back: partials go to the browser,
/// finals are kept with the call (and written to conversationdb), sent to the browser and handed to the assistant.
/// </summary>
public sealed partial class CallAudio(
    TranscriptionClient transcription, ServiceTokenSource serviceTokens, CallStore store, IEnumerable<ICallListener> listeners, TimeProvider time, ILogger<CallAudio> logger)
{
    /// <summary>How long a failed Transcription stream is left alone before audio opens a new one.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    public async Task SendAsync(CallSession call, Channel channel, ReadOnlyMemory<byte> pcm16, CancellationToken cancellationToken)
    {
        if (call.State != Contracts.Conversation.V1.CallState.Live || call.Muted.IsMuted(channel))
        {
            return;
        }

        await call.AudioGate.WaitAsync(cancellationToken);
        try
        {
            if (call.Relay is null)
            {
                if (call.RelayFailedAt is { } failed && time.GetUtcNow() - failed < RetryAfterFailure)
                {
                    return;
                }

                if (await OpenRelayAsync(call, cancellationToken) is not { } relay)
                {
                    return;
                }

                call.Relay = relay;
                _ = WatchAsync(call, relay);
            }

            await call.Relay.WriteAsync(channel, pcm16, cancellationToken);
        }
        catch (RpcException e)
        {
            // Writing fails once the stream has failed; its watcher reports why and clears it.
            LogWriteFailed(call.Id, e.StatusCode);
        }
        finally
        {
            call.AudioGate.Release();
        }
    }

    /// <summary>
    /// Opens the call's Transcription stream with this service's own token, for the call's agent; null when the token
    /// cannot be had (no secret configured, or Identity refusing or unreachable), which the browser is told, and the
    /// next audio tries again once <see cref="RetryAfterFailure"/> has passed.
    /// </summary>
    private async Task<TranscriptionRelay?> OpenRelayAsync(CallSession call, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = serviceTokens.IsConfigured
                ? await serviceTokens.GetAsync(cancellationToken)
                : throw new InvalidOperationException("Calls:ServiceClientSecret is not set: Transcription opens live streams only for this service's own client.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNoServiceToken(call.Id, e);
            call.RelayFailedAt = time.GetUtcNow();
            await call.PushAsync(new ErrorMessage("transcription_failed", "Transcription is unavailable: this service could not sign in to it."), CancellationToken.None);
            return null;
        }

        return await TranscriptionRelay.StartAsync(transcription, call, token, (answer, ct) => OnSegmentAsync(call, answer, ct), cancellationToken);
    }

    /// <summary>Ends the call's audio: Transcription gets the end of the stream and a moment to send its last finals.</summary>
    public async Task StopAsync(CallSession call)
    {
        await call.AudioGate.WaitAsync();
        try
        {
            if (call.Relay is { } relay)
            {
                await relay.CompleteAsync(TimeSpan.FromSeconds(2));
                await relay.DisposeAsync();
                call.Relay = null;
            }
        }
        finally
        {
            call.AudioGate.Release();
        }
    }

    private async Task OnSegmentAsync(CallSession call, StreamTranscriptionResponse answer, CancellationToken cancellationToken)
    {
        var segment = answer.Partial ?? answer.Final;
        if (segment is null || Speakers.Of(segment.Channel) is not { } speaker)
        {
            return;
        }

        var entry = new TranscriptEntry(speaker.Name, segment.Start?.ToTimeSpan() ?? TimeSpan.Zero, segment.End?.ToTimeSpan() ?? TimeSpan.Zero, segment.Text);
        var view = SegmentView.Of(entry) with { UtteranceId = segment.UtteranceId };
        if (answer.Final is null)
        {
            await call.PushAsync(new SegmentMessage("partial", view), cancellationToken);
            return;
        }

        call.AddFinal(entry);
        await store.AddFinalAsync(call, entry, cancellationToken);
        await call.PushAsync(new SegmentMessage("final", view), cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.OnFinalAsync(call, entry, cancellationToken);
        }
    }

    private async Task WatchAsync(CallSession call, TranscriptionRelay relay)
    {
        try
        {
            await relay.Reading;
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            // The call ended and took its stream with it.
            return;
        }
        catch (Exception e)
        {
            LogStreamFailed(call.Id, e);
            call.RelayFailedAt = time.GetUtcNow();
            await call.PushAsync(new ErrorMessage("transcription_failed", e is RpcException rpc ? rpc.Status.Detail : "Transcription stopped."), CancellationToken.None);
        }

        await call.AudioGate.WaitAsync();
        try
        {
            if (call.Relay == relay)
            {
                call.Relay = null;
                await relay.DisposeAsync();
            }
        }
        finally
        {
            call.AudioGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the transcription stream failed")]
    private partial void LogStreamFailed(Guid callId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: no transcription stream, this service has no token of its own for it")]
    private partial void LogNoServiceToken(Guid callId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: audio not written, the transcription stream ended ({Status})")]
    private partial void LogWriteFailed(Guid callId, StatusCode status);
}
