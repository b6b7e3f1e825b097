using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using AgentCalls.Contracts.Transcription.V1;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// Runs one browser connection to a call (PROTOCOL.md): the state first, then audio frames in and control messages
/// both ways until the browser leaves. A call left without a socket ends itself after the idle timeout (CallSweeper).
/// </summary>
public sealed class LiveCallSocket(CallSessions held, CallAudio audio, CallStore store, CallCloser closer)
{
    /// <summary>Close code for a connection another one took the call from (4000–4999 are the application's).</summary>
    public const WebSocketCloseStatus Replaced = (WebSocketCloseStatus)4001;

    private const int MaxMessageBytes = 64 * 1024;
    private const int MaxNoteLength = 2000;

    public async Task RunAsync(CallSession found, WebSocket socket, string authorization, CancellationToken aborted)
    {
        var call = held.Hold(found);
        var connection = new LiveConnection(socket);
        call.Authorization = authorization;
        if (call.Attach(connection) is { } previous)
        {
            await previous.CloseAsync(Replaced, "Another connection took the call.");
        }

        try
        {
            await connection.SendAsync(new StateMessage(CallView.Of(call)), aborted);
            await ReceiveAsync(call, connection, aborted);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The browser went away without closing; the call waits for it to come back.
        }
        finally
        {
            if (call.Detach(connection))
            {
                // The idle countdown starts now.
                await store.SeenAsync([call.Id], CancellationToken.None);
            }
        }
    }

    private async Task ReceiveAsync(CallSession call, LiveConnection connection, CancellationToken aborted)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessageBytes);
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (length == MaxMessageBytes)
                    {
                        await connection.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are at most {MaxMessageBytes} bytes.");
                        return;
                    }

                    received = await connection.Socket.ReceiveAsync(buffer.AsMemory(length, MaxMessageBytes - length), aborted);
                    length += received.Count;
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "");
                    return;
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    await OnAudioAsync(call, connection, buffer.AsMemory(0, length), aborted);
                }
                else
                {
                    await OnControlAsync(call, connection, buffer.AsMemory(0, length), aborted);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Task OnAudioAsync(CallSession call, LiveConnection connection, ReadOnlyMemory<byte> frame, CancellationToken aborted)
    {
        // One channel byte, then whole 16-bit samples.
        if (frame.Length < 3 || (frame.Length - 1) % 2 != 0 || Speakers.Of((Channel)frame.Span[0]) is not { } speaker)
        {
            return connection.SendAsync(new ErrorMessage("bad_audio", "An audio frame is one channel byte (1 agent, 2 client) and whole 16-bit samples."), aborted);
        }

        return audio.SendAsync(call, speaker.Channel, frame[1..], aborted);
    }

    private async Task OnControlAsync(CallSession call, LiveConnection connection, ReadOnlyMemory<byte> json, CancellationToken aborted)
    {
        ControlMessage? control;
        try
        {
            control = JsonSerializer.Deserialize<ControlMessage>(json.Span, LiveMessage.Json);
        }
        catch (JsonException)
        {
            control = null;
        }

        if (control is null || control.V != LiveMessage.Version)
        {
            await connection.SendAsync(new ErrorMessage("bad_message", $"Control messages are JSON objects with \"v\": {LiveMessage.Version} and a \"type\"."), aborted);
            return;
        }

        switch (control.Type)
        {
            case "mute" when Speakers.Named(control.Channel) is { } speaker:
                call.Muted.Set(speaker.Channel, control.Muted ?? true);
                await call.PushAsync(new MutedMessage(speaker.Name, call.Muted.IsMuted(speaker.Channel)), aborted);
                break;
            case "note" when control.Text is { Length: > 0 and <= MaxNoteLength } text:
                call.AddNote(text);
                await store.SaveStateAsync(call, aborted);
                await call.PushAsync(new NoteMessage(text), aborted);
                break;
            case "end":
                await closer.EndAsync(call);
                break;
            default:
                await connection.SendAsync(new ErrorMessage("bad_message", $"\"{control.Type}\" is not a control message this call takes, or its fields are missing."), aborted);
                break;
        }
    }

    /// <summary>A control message from the browser; which fields count depends on its type.</summary>
    private sealed record ControlMessage(int V, string? Type, string? Channel, bool? Muted, string? Text);
}
