using AgentCalls.TestSupport;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Bench.Support;

/// <summary>One channel of a call: who speaks and the audio, 16 kHz mono PCM16.</summary>
public sealed record CallChannel(ProtoChannel Channel, short[] Samples);

/// <summary>
/// An insurance call made with espeak-ng: the agent (en-us) and the client (en-us+f3, another voice) take turns on their
/// own channels, each silent while the other speaks, with the client's name and carriers as the stream's vocabulary.
/// The stream opens <see cref="LeadInSeconds"/> before anyone speaks, as a call does while it rings: the service loads
/// the decoders after the settings arrive (about a second on an idle machine), which is stream start-up, not latency.
/// </summary>
public static class SyntheticCall
{
    public static readonly string[] Vocabulary = ["Xiomara Okafor", "Progressive", "Nationwide", "Travelers", "umbrella policy", "homeowners policy"];

    private static readonly (ProtoChannel Speaker, string Line)[] Script =
    [
        (ProtoChannel.Agent, "hi xiomara okafor this is your agent calling about your auto policy renewal"),
        (ProtoChannel.Client, "hi thanks for calling i was going to ask about my premium"),
        (ProtoChannel.Agent, "your premium with progressive goes up next month when the policy renews"),
        (ProtoChannel.Client, "my deductible went up too and i need to file a claim with nationwide"),
        (ProtoChannel.Agent, "i can help you file that claim today and review your coverage"),
        (ProtoChannel.Client, "i also want to add an umbrella policy for the house"),
        (ProtoChannel.Agent, "travelers has a good umbrella policy with your homeowners policy"),
        (ProtoChannel.Client, "can you send me a quote by email this week"),
        (ProtoChannel.Agent, "yes i will send the quote and call you back next tuesday"),
        (ProtoChannel.Client, "thank you that sounds good talk to you then"),
    ];

    public const double LeadInSeconds = 3;

    public static int Turns => Script.Length;

    /// <summary>The first <paramref name="turns"/> turns as two channels, and what each channel said.</summary>
    public static async Task<(CallChannel[] Channels, Dictionary<ProtoChannel, string> Reference)> MakeAsync(int turns)
    {
        var agent = new List<short>(SpokenAudio.Silence(LeadInSeconds));
        var client = new List<short>(SpokenAudio.Silence(LeadInSeconds));
        foreach (var (speaker, line) in Script.Take(turns))
        {
            var speech = await SpokenAudio.SayAsync(line, speaker == ProtoChannel.Agent ? "en-us" : "en-us+f3");
            (speaker == ProtoChannel.Agent ? agent : client).AddRange(speech);
            (speaker == ProtoChannel.Agent ? client : agent).AddRange(new short[speech.Length]);
            var pause = SpokenAudio.Silence(0.8);
            agent.AddRange(pause);
            client.AddRange(pause);
        }

        var reference = Script.Take(turns).GroupBy(t => t.Speaker).ToDictionary(g => g.Key, g => string.Join(' ', g.Select(t => t.Line)));
        return ([new CallChannel(ProtoChannel.Agent, [.. agent]), new CallChannel(ProtoChannel.Client, [.. client])], reference);
    }
}
