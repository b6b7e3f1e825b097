using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Conversation.Service.Assist.Playbooks;

/// <summary>A card as the agent edits it, checked field by field before anything is written.</summary>
public sealed record PlaybookCardInput(string Title, string Guidance, IReadOnlyList<string> Examples, bool Enabled)
{
    public const int MaxTitleLength = 100;
    public const int MaxGuidanceLength = 1000;
    public const int MaxExamples = 20;
    public const int MaxExampleLength = 200;

    /// <summary>The input, trimmed, or InvalidArgument naming each field that is wrong (named as the REST body names them).</summary>
    public static PlaybookCardInput From(Contracts.Conversation.V1.PlaybookCard? card)
    {
        var violations = new FieldViolations();
        if (card is null)
        {
            throw FieldViolations.Single("card", "is required.");
        }

        var title = card.Title.Trim();
        if (title.Length is 0 or > MaxTitleLength)
        {
            violations.Add("title", $"is required, at most {MaxTitleLength} characters.");
        }

        var guidance = card.Guidance.Trim();
        if (guidance.Length > MaxGuidanceLength)
        {
            violations.Add("guidance", $"must be at most {MaxGuidanceLength} characters.");
        }
        else if (GuidanceTemplate.UnknownPlaceholders(guidance) is { Count: > 0 } unknown)
        {
            violations.Add("guidance", $"names {string.Join(", ", unknown)}; the placeholders are {string.Join(", ", GuidanceTemplate.Placeholders)}.");
        }

        var examples = card.Examples.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (examples.Count is 0 or > MaxExamples)
        {
            violations.Add("examples", $"needs 1 to {MaxExamples} phrases.");
        }
        else if (examples.Any(e => e.Length > MaxExampleLength))
        {
            violations.Add("examples", $"phrases must be at most {MaxExampleLength} characters.");
        }

        violations.ThrowIfAny();
        return new PlaybookCardInput(title, guidance, examples, card.Enabled);
    }
}
