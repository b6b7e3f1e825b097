using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Conversation.Service.Assist;

/// <summary>The section <c>Assist</c>: when the offline assistant takes what was said to mean a card or an action.</summary>
public sealed class AssistOptions
{
    public const string Section = "Assist";

    /// <summary>
    /// The least cosine similarity (snowflake-arctic-embed-xs, query instruction on) between a client's utterance and a
    /// card's example. Calibrated on paraphrases and small talk: paraphrases scored 0.63–0.95, small talk that was not
    /// closer to the small-talk anchors than to any card at most 0.64 (one outlier at 0.73 became an anchor).
    /// </summary>
    [Range(0.0, 1.0)]
    public double CardThreshold { get; set; } = 0.66;

    /// <summary>The same for an action proposed from speech; a follow-up also needs a day in the utterance.</summary>
    [Range(0.0, 1.0)]
    public double IntentThreshold { get; set; } = 0.68;

    /// <summary>Whether a client's question is answered from the documents on the socket.</summary>
    public bool AnswerQuestions { get; set; } = true;
}
