using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AgentCalls.TestSupport;

namespace AgentCalls.Conversation.Tests;

/// <summary>A test's end of a call's WebSocket: sends frames and control messages, reads pushed JSON messages.</summary>
public sealed class LiveSocket(WebSocket socket) : IAsyncDisposable
{
    public WebSocket Socket { get; } = socket;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Opens the call's WebSocket as <paramref name="agent"/>, as the gateway would (with the agent's bearer token).</summary>
    public static async Task<LiveSocket> ConnectAsync(Microsoft.AspNetCore.TestHost.WebSocketClient client, SignedInAgent agent, string callId)
    {
        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {agent.AccessToken}";
        return new LiveSocket(await client.ConnectAsync(new Uri($"ws://localhost/api/calls/{callId}/live"), Cancel));
    }

    public Task SendAudioAsync(byte[] frame) => Socket.SendAsync(frame, WebSocketMessageType.Binary, true, Cancel);

    public Task SendAsync(object control) =>
        Socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(control, new JsonSerializerOptions(JsonSerializerDefaults.Web)), WebSocketMessageType.Text, true, Cancel);

    /// <summary>The next pushed message; null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), Cancel);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        return result.MessageType == WebSocketMessageType.Close ? null : JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length)).RootElement;
    }

    /// <summary>Reads pushed messages until one of <paramref name="type"/> arrives, and returns it.</summary>
    public async Task<JsonElement> ReceiveAsync(string type)
    {
        while (true)
        {
            var message = await ReceiveAsync() ?? throw new InvalidOperationException($"The socket closed before a \"{type}\" message.");
            if (message.GetProperty("type").GetString() == type)
            {
                return message;
            }
        }
    }

    /// <summary>Says goodbye without waiting for the answer, as a browser tab that closes does.</summary>
    public Task CloseAsync() => Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", Cancel);

    public ValueTask DisposeAsync()
    {
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
