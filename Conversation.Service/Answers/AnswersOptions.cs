using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Conversation.Service.Answers;

/// <summary>The section <c>Answers</c>: when a passage counts as relevant to a question.</summary>
public sealed class AnswersOptions
{
    public const string Section = "Answers";

    /// <summary>The least cosine similarity of question and passage (snowflake-arctic-embed-xs, query instruction on).</summary>
    [Range(0.0, 1.0)]
    public double MinSimilarity { get; set; } = 0.3;

    /// <summary>The least share of the question's specific words the passage must contain.</summary>
    [Range(0.0, 1.0)]
    public double MinTermOverlap { get; set; } = 0.5;

    /// <summary>How many passages search returns and the documentation model is given.</summary>
    [Range(1, 20)]
    public int Passages { get; set; } = 5;
}
