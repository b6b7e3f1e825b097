using System.Globalization;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.Calls;

namespace AgentCalls.Conversation.Service.CallLogs.Model;

/// <summary>What is wrong with a model's draft, in words the model can repair it from; none means it can be used.</summary>
public static class DraftCheck
{
    public const int MaxSummaryLength = 4000;
    public const int MaxFollowUps = 10;

    /// <summary>How far ahead a follow-up may be: further than a year is a misread date, not a plan.</summary>
    public static readonly TimeSpan LatestFollowUp = TimeSpan.FromDays(366);

    public static IReadOnlyList<string> Errors(DraftReply reply, DateTimeOffset callStartedAt, DateTimeOffset now)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(reply.Summary) || reply.Summary.Length > MaxSummaryLength)
        {
            errors.Add($"summary must be 1 to {MaxSummaryLength} characters.");
        }

        if (Outcomes.Parse(reply.Outcome?.Trim().ToLowerInvariant()) == CallOutcome.Unspecified)
        {
            errors.Add($"outcome \"{reply.Outcome}\" is not one of: reached, voicemail, no answer, callback requested, sold, renewed, quoted, lost, do not call.");
        }

        var followUps = reply.FollowUps ?? [];
        if (followUps.Count > MaxFollowUps)
        {
            errors.Add($"followUps has {followUps.Count} items; at most {MaxFollowUps}.");
        }

        for (var i = 0; i < followUps.Count; i++)
        {
            var followUp = followUps[i];
            if (string.IsNullOrWhiteSpace(followUp?.What))
            {
                errors.Add($"followUps[{i}].what is empty.");
            }

            if (followUp?.When is not { } when)
            {
                continue;
            }

            if (!DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                errors.Add($"followUps[{i}].when \"{when}\" is not an ISO 8601 time with its offset.");
            }
            else if (at < callStartedAt)
            {
                errors.Add($"followUps[{i}].when {when} is before the call started ({callStartedAt:O}).");
            }
            else if (at > now + LatestFollowUp)
            {
                errors.Add($"followUps[{i}].when {when} is more than a year ahead.");
            }
        }

        return errors;
    }
}
