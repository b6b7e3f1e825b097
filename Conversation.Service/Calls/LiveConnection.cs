using System.Net.WebSockets;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>One browser's WebSocket on a call: sends are serialised, and a send to a closed socket is dropped.</summary>
public sealed class LiveConnection(WebSocket socket)
{
    private readonly SemaphoreSlim sending = new(1, 1);

    public WebSocket Socket { get; } = socket;

    public async Task SendAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        var bytes = message.ToUtf8();
        await sending.WaitAsync(cancellationToken);
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                await Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The browser went away; it gets the whole state again when it reconnects.
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Closes the socket with <paramref name="reason"/> (another tab took the call, or the call ended).</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await sending.WaitAsync();
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                await Socket.CloseOutputAsync(status, reason, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // Already gone.
        }
        finally
        {
            sending.Release();
        }
    }
}
