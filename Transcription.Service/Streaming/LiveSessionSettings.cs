using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.Transcription.Service.Speech;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Service.Streaming;

/// <summary>A stream's settings, checked, with the engine it will use.</summary>
public sealed record ValidSettings(IReadOnlyList<ProtoChannel> Channels, IReadOnlyList<string> Vocabulary);

/// <summary>
/// Checks a stream's first message and picks its engine: the one it names, else the agent's choice in their settings,
/// else the deployment's default.
/// </summary>
public sealed class LiveSessionSettings(SpeechEngines engines)
{
    public const int MaxVocabulary = 500;
    public const int MaxPhraseLength = 100;

    /// <summary>The agent the stream is for, as its first message (the settings) names them.</summary>
    public static Guid AgentOf(StreamTranscriptionRequest first)
    {
        if (first.PayloadCase != StreamTranscriptionRequest.PayloadOneofCase.Settings)
        {
            throw FieldViolations.Single("settings", "must be the stream's first message.");
        }

        return Guid.TryParse(first.Settings.AgentId, out var agentId) && agentId != Guid.Empty
            ? agentId
            : throw FieldViolations.Single("settings.agentId", "must be the id of the agent whose call this is.");
    }

    public (ISpeechEngine Engine, ValidSettings Settings) Resolve(StreamTranscriptionRequest first, string? agentChoice)
    {
        if (first.PayloadCase != StreamTranscriptionRequest.PayloadOneofCase.Settings)
        {
            throw FieldViolations.Single("settings", "must be the stream's first message.");
        }

        var settings = first.Settings;
        var violations = new FieldViolations();
        if (settings.Language.Length > 0 && !settings.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            violations.Add("settings.language", "must be English (\"en-US\"): the only language the speech engines are set up for.");
        }

        if (settings.Channels.Count == 0 || settings.Channels.Any(c => c == ProtoChannel.Unspecified || !Enum.IsDefined(c)))
        {
            violations.Add("settings.channels", "must name CHANNEL_AGENT, CHANNEL_CLIENT or both.");
        }
        else if (settings.Channels.Distinct().Count() != settings.Channels.Count)
        {
            violations.Add("settings.channels", "must name each channel once.");
        }

        if (settings.Vocabulary.Count > MaxVocabulary || settings.Vocabulary.Any(v => v.Length > MaxPhraseLength))
        {
            violations.Add("settings.vocabulary", $"must hold at most {MaxVocabulary} phrases of at most {MaxPhraseLength} characters.");
        }

        var engine = settings.Engine.Length > 0 ? engines.Find(settings.Engine) : engines.InUse(agentChoice);
        if (engine is null)
        {
            violations.Add("settings.engine", engines.Unavailable(settings.Engine));
        }

        violations.ThrowIfAny();
        var valid = new ValidSettings([.. settings.Channels], [.. settings.Vocabulary.Where(v => !string.IsNullOrWhiteSpace(v))]);
        return (engine!, valid);
    }
}
