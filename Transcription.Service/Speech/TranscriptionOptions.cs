using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Transcription.Service.Speech;

/// <summary>The deployment's transcription settings.</summary>
public sealed class TranscriptionOptions
{
    public const string Section = "Transcription";

    /// <summary>The engine used when neither the stream nor the agent's settings name one.</summary>
    [Required]
    public string Engine { get; set; } = PocketSphinx.PocketSphinxEngine.EngineName;

    /// <summary>Audio seconds an agent may have transcribed per calendar month (UTC); 0 means no limit.</summary>
    [Range(0, double.MaxValue)]
    public double MonthlyLimitSeconds { get; set; } = 36_000;

    /// <summary>
    /// How much audio a live stream takes between writes of its metered seconds (and checks of the allowance): what a
    /// crash of the service mid-call can lose.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MeteringInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a live stream's job stays running without a write before it is presumed lost with its process: an open
    /// stream writes at least every <see cref="MeteringInterval"/>, even when no audio arrives (a muted call).
    /// </summary>
    public TimeSpan StreamLease => MeteringInterval * 3;
}
