using System.Collections.Concurrent;
using System.Text;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentCalls.Conversation.Tests;

/// <summary>
/// Transcription's StreamTranscription contract on a loopback port, scripted by the audio itself: each chunk's bytes
/// are UTF-8 text (padded with zeros to whole samples), answered with a partial (its first word) and then a final (all
/// of it) on the chunk's channel. It records the settings and the Authorization header each stream came with, and when
/// each final was written (for bench/live-call, which times the assistant from there).
/// </summary>
public sealed class FakeTranscription : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeTranscription(WebApplication app, Uri address, Recorder recorder)
    {
        this.app = app;
        Address = address;
        Streams = recorder.Streams;
        FinalsWritten = recorder.FinalsWritten;
    }

    public Uri Address { get; }

    /// <summary>Every stream opened, by call id: its settings and the caller's Authorization header.</summary>
    public ConcurrentDictionary<string, (StreamSettings Settings, string Authorization)> Streams { get; }

    /// <summary>When each final was handed to its stream (<see cref="System.Diagnostics.Stopwatch"/> timestamp), by its text.</summary>
    public ConcurrentDictionary<string, long> FinalsWritten { get; }

    /// <summary>One audio frame for the live socket: the channel byte, then <paramref name="text"/> as "samples".</summary>
    public static byte[] Frame(Channel channel, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var frame = new byte[1 + bytes.Length + (bytes.Length % 2)];
        frame[0] = (byte)channel;
        bytes.CopyTo(frame, 1);
        return frame;
    }

    public static async Task<FakeTranscription> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        // The test folder's appsettings.json holds the services' Kestrel endpoints, which would win over ours.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var recorder = new Recorder();
        builder.Services.AddSingleton(recorder);
        var app = builder.Build();
        app.MapGrpcService<Service>();
        await app.StartAsync();
        return new FakeTranscription(app, new Uri($"http://localhost:{port}"), recorder);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed class Recorder
    {
        public ConcurrentDictionary<string, (StreamSettings, string)> Streams { get; } = new();

        public ConcurrentDictionary<string, long> FinalsWritten { get; } = new();
    }

    private sealed class Service(Recorder recorder) : Transcription.TranscriptionBase
    {
        public override async Task StreamTranscription(
            IAsyncStreamReader<StreamTranscriptionRequest> requestStream, IServerStreamWriter<StreamTranscriptionResponse> responseStream, ServerCallContext context)
        {
            var utterances = 0;
            await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (request.Settings is { } settings)
                {
                    recorder.Streams[settings.CallId] = (settings, context.RequestHeaders.GetValue("authorization") ?? "");
                    continue;
                }

                var text = Encoding.UTF8.GetString(request.Audio.Pcm16.Span).TrimEnd('\0');
                if (text.Length == 0)
                {
                    // Silence: like a real engine, nothing to say (and so no response headers yet).
                    continue;
                }

                var id = $"u{++utterances}";
                TranscriptSegment Segment(string said) => new()
                {
                    Channel = request.Audio.Channel,
                    UtteranceId = id,
                    Start = Duration.FromTimeSpan(TimeSpan.FromSeconds(utterances)),
                    End = Duration.FromTimeSpan(TimeSpan.FromSeconds(utterances + 0.5)),
                    Text = said,
                    Confidence = 0.9f,
                };
                await responseStream.WriteAsync(new StreamTranscriptionResponse { Partial = Segment(text.Split(' ')[0]) });
                recorder.FinalsWritten[text] = System.Diagnostics.Stopwatch.GetTimestamp();
                await responseStream.WriteAsync(new StreamTranscriptionResponse { Final = Segment(text) });
            }
        }
    }
}
