using System.Diagnostics;
using System.Text.Json;
using AgentCalls.Bench.Support;
using AgentCalls.Conversation.Tests;
using AgentCalls.TestSupport;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Bench.LiveCall;

/// <summary>
/// From a client's final segment leaving Transcription (the text fake: the moment it handed the final to the stream)
/// to what the assistant pushes on the call's socket for it, one utterance at a time. Offline: the playbook card, each
/// card's examples said in turn (every card once per call, as the assistant shows it once). With the live-conversation
/// role: the model's first piece, less the fake provider's fixed time to first token.
/// </summary>
public static class SuggestionLatency
{
    public static async Task<Latencies> OfflineAsync(LiveCallSystem system, ConversationUnderTest conversation, int calls, CancellationToken cancellationToken)
    {
        var cards = await DefaultCardExamplesAsync(cancellationToken);
        var latencies = new Latencies("final -> playbook card");
        // Call 0 warms the process up (JIT, the playbook's vectors, connection pools) and is not counted.
        for (var i = 0; i <= calls; i++)
        {
            var (_, socket) = await conversation.OpenCallAsync(cancellationToken);
            await using (socket)
            {
                foreach (var examples in cards)
                {
                    var said = examples[i % examples.Length];
                    await socket.SendAudioAsync(FakeTranscription.Frame(ProtoChannel.Client, said), cancellationToken);
                    var card = await socket.NextAsync("suggestion", ConversationUnderTest.Patience, cancellationToken);
                    if (i > 0)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(system.TextTranscription.FinalsWritten[said], card.At).TotalMilliseconds);
                    }
                }

                await socket.EndAsync(cancellationToken);
                await socket.NextAsync("ended", ConversationUnderTest.Patience, cancellationToken);
            }
        }

        return latencies;
    }

    /// <summary>
    /// What the system adds to the provider's own time to first token: from the final to the first <c>suggestion_delta</c>
    /// on the socket, less <see cref="FakeOpenAi.TimeToFirstToken"/>. Each utterance's suggestion is read to its end before
    /// the next is said, so none is cancelled.
    /// </summary>
    public static async Task<Latencies> ModelAsync(LiveCallSystem system, ConversationUnderTest conversation, int utterances, CancellationToken cancellationToken)
    {
        var cards = await DefaultCardExamplesAsync(cancellationToken);
        var latencies = new Latencies("final -> first piece, less TTFT");
        const int PerCall = 10;
        var warmUp = PerCall;
        for (var done = -warmUp; done < utterances;)
        {
            var (_, socket) = await conversation.OpenCallAsync(cancellationToken);
            await using (socket)
            {
                for (var i = 0; i < PerCall && done < utterances; i++, done++)
                {
                    // Each utterance its own words, so the fake's record of when it sent the final is this one's.
                    var examples = cards[i % cards.Length];
                    var said = $"{examples[(done + warmUp) % examples.Length]} number {done + warmUp}";
                    await socket.SendAudioAsync(FakeTranscription.Frame(ProtoChannel.Client, said), cancellationToken);
                    var first = await socket.NextAsync("suggestion_delta", ConversationUnderTest.Patience, cancellationToken);
                    await socket.NextAsync("suggestion", ConversationUnderTest.Patience, cancellationToken);
                    if (done >= 0)
                    {
                        latencies.Add((Stopwatch.GetElapsedTime(system.TextTranscription.FinalsWritten[said], first.At) - system.OpenAi.TimeToFirstToken).TotalMilliseconds);
                    }
                }

                await socket.EndAsync(cancellationToken);
                await socket.NextAsync("ended", ConversationUnderTest.Patience, cancellationToken);
            }
        }

        return latencies;
    }

    /// <summary>The example phrases of each default playbook card, as the agent's playbook starts.</summary>
    private static async Task<string[][]> DefaultCardExamplesAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(RepositoryPaths.Root, "Conversation.Service", "Assist", "Playbooks", "DefaultPlaybook.json");
        await using var file = File.OpenRead(path);
        using var playbook = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
        return [.. playbook.RootElement.EnumerateArray().Select(card => card.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!).ToArray())];
    }
}
