using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using Google.Protobuf;
using Grpc.Core;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Tests;

/// <summary>
/// Drives one StreamTranscription call as Conversation.Service would: with its own token, settings naming the agent,
/// then audio, then reads what came back.
/// </summary>
public static class LiveStream
{
    /// <summary>Opens a stream with Conversation.Service's own token (scope transcription.stream), the only one admitted.</summary>
    public static async Task<AsyncDuplexStreamingCall<StreamTranscriptionRequest, StreamTranscriptionResponse>> StartAsync(
        TranscriptionServiceHost host, CancellationToken cancellationToken) =>
        host.Transcription.StreamTranscription(await ServiceTokens.ConversationServiceBearerAsync(host.Issuer, cancellationToken), cancellationToken: cancellationToken);

    /// <summary>The message as Conversation.Service sends it for <paramref name="agent"/>: settings name the agent unless they name one already.</summary>
    public static StreamTranscriptionRequest For(SignedInAgent agent, StreamTranscriptionRequest request)
    {
        if (request.Settings is not { AgentId.Length: 0 })
        {
            return request;
        }

        var named = request.Clone();
        named.Settings.AgentId = agent.AgentId.ToString();
        return named;
    }

    public static StreamTranscriptionRequest Settings(IEnumerable<ProtoChannel> channels, params string[] vocabulary) =>
        new() { Settings = new StreamSettings { Language = "en-US", Channels = { channels }, Vocabulary = { vocabulary } } };

    public static StreamTranscriptionRequest Audio(ProtoChannel channel, byte[] pcm16) =>
        new() { Audio = new AudioChunk { Channel = channel, Pcm16 = ByteString.CopyFrom(pcm16) } };

    /// <summary>
    /// Sends every message as Conversation.Service would for <paramref name="agent"/>, closes the request side and returns
    /// all responses in order. A stream the service ends early throws the status it ended with (its remaining messages
    /// are not sent).
    /// </summary>
    public static async Task<List<StreamTranscriptionResponse>> RunAsync(TranscriptionServiceHost host, SignedInAgent agent, IEnumerable<StreamTranscriptionRequest> requests) =>
        await RunAsync(host, await ServiceTokens.ConversationServiceBearerAsync(host.Issuer, TestContext.Current.CancellationToken), requests.Select(r => For(agent, r)));

    /// <summary>Sends every message exactly as given, with <paramref name="headers"/> (the caller's token), as <see cref="RunAsync(TranscriptionServiceHost, SignedInAgent, IEnumerable{StreamTranscriptionRequest})"/>.</summary>
    public static async Task<List<StreamTranscriptionResponse>> RunAsync(TranscriptionServiceHost host, Metadata headers, IEnumerable<StreamTranscriptionRequest> requests)
    {
        using var call = host.Transcription.StreamTranscription(headers, cancellationToken: TestContext.Current.CancellationToken);
        var reading = ReadAllAsync(call.ResponseStream);
        try
        {
            foreach (var request in requests)
            {
                await call.RequestStream.WriteAsync(request, TestContext.Current.CancellationToken);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The service ended the call early: reading throws the status it ended with; if it ended well, this stands.
            await reading;
            throw;
        }

        return await reading;
    }

    /// <summary>Opens a stream on the agent's channel and sends it <paramref name="agentAudio"/>, leaving it open.</summary>
    public static async Task<AsyncDuplexStreamingCall<StreamTranscriptionRequest, StreamTranscriptionResponse>> OpenAsync(
        TranscriptionServiceHost host, SignedInAgent agent, short[] agentAudio)
    {
        var call = await StartAsync(host, TestContext.Current.CancellationToken);
        await call.RequestStream.WriteAsync(For(agent, Settings([ProtoChannel.Agent])), TestContext.Current.CancellationToken);
        foreach (var chunk in Interleaved((ProtoChannel.Agent, agentAudio)))
        {
            await call.RequestStream.WriteAsync(chunk, TestContext.Current.CancellationToken);
        }

        return call;
    }

    /// <summary>Closes the request side and reads what is left, so the service has ended the stream when it returns.</summary>
    public static async Task EndAsync(AsyncDuplexStreamingCall<StreamTranscriptionRequest, StreamTranscriptionResponse> call)
    {
        await call.RequestStream.CompleteAsync();
        await ReadAllAsync(call.ResponseStream);
    }

    /// <summary>Interleaves the channels' 100 ms chunks, as two live microphones arrive.</summary>
    public static IEnumerable<StreamTranscriptionRequest> Interleaved(params (ProtoChannel Channel, short[] Samples)[] channels)
    {
        var chunks = channels.Select(c => SpokenAudio.Chunks(c.Samples).Select(pcm => Audio(c.Channel, pcm)).ToList()).ToList();
        for (var i = 0; i < chunks.Max(c => c.Count); i++)
        {
            foreach (var channel in chunks.Where(c => i < c.Count))
            {
                yield return channel[i];
            }
        }
    }

    public static string FinalText(IEnumerable<StreamTranscriptionResponse> responses, ProtoChannel channel) =>
        string.Join(' ', responses.Where(r => r.SegmentCase == StreamTranscriptionResponse.SegmentOneofCase.Final && r.Final.Channel == channel).Select(r => r.Final.Text));

    private static async Task<List<StreamTranscriptionResponse>> ReadAllAsync(IAsyncStreamReader<StreamTranscriptionResponse> responses)
    {
        var all = new List<StreamTranscriptionResponse>();
        await foreach (var response in responses.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            all.Add(response);
        }

        return all;
    }
}
