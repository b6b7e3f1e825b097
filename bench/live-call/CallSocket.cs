using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace AgentCalls.Bench.LiveCall;

/// <summary>A message the server pushed, and when it arrived (<see cref="Stopwatch"/> timestamp).</summary>
public sealed record Pushed(long At, JsonElement Message)
{
    public string Type => Message.GetProperty("type").GetString()!;
}

/// <summary>
/// The browser's end of a call's WebSocket, as the gateway opens it to Conversation.Service (the agent's bearer
/// token): sends audio frames and control messages, and reads every pushed message in the background, stamped on arrival.
/// </summary>
public sealed class CallSocket : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly Channel<Pushed> pushed = Channel.CreateUnbounded<Pushed>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim sending = new(1, 1);
    private Task reading = Task.CompletedTask;

    public static async Task<CallSocket> ConnectAsync(Uri service, string callId, string accessToken, CancellationToken cancellationToken)
    {
        var call = new CallSocket();
        call.socket.Options.SetRequestHeader("Authorization", $"Bearer {accessToken}");
        await call.socket.ConnectAsync(new Uri($"ws://{service.Authority}/api/calls/{callId}/live"), cancellationToken);
        call.reading = call.ReadAsync();
        return call;
    }

    /// <summary>One binary frame: the channel byte, then the audio (PROTOCOL.md).</summary>
    public async Task SendAudioAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    public async Task EndAsync(CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"v":1,"type":"end"}"""), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>The next pushed message that <paramref name="match"/>es, skipping the others; fails after <paramref name="timeout"/>.</summary>
    public async Task<Pushed> NextAsync(Func<Pushed, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var next = await pushed.Reader.ReadAsync(waiting.Token);
                if (match(next))
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching message on the call's socket within {timeout.TotalSeconds:F0} s.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The call's socket closed before the message came.");
        }
    }

    public Task<Pushed> NextAsync(string type, TimeSpan timeout, CancellationToken cancellationToken) =>
        NextAsync(p => p.Type == type, timeout, cancellationToken);

    /// <summary>Every pushed message up to and including the first <paramref name="type"/>.</summary>
    public async Task<List<Pushed>> UntilAsync(string type, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var messages = new List<Pushed>();
        await NextAsync(p => { messages.Add(p); return p.Type == type; }, timeout, cancellationToken);
        return messages;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var at = Stopwatch.GetTimestamp();
                pushed.Writer.TryWrite(new Pushed(at, JsonSerializer.Deserialize<JsonElement>(buffer.AsSpan(0, length))));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The service went away, or this end was aborted; whoever waits hears it from the closed channel.
        }
        finally
        {
            pushed.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        socket.Abort();
        await reading;
        socket.Dispose();
        sending.Dispose();
    }
}
