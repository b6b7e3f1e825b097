using AgentCalls.Conversation.Service.CallLogs.Model;

namespace AgentCalls.Conversation.Tests;

/// <summary>The checks a summarisation model's draft must pass before it becomes the call's draft.</summary>
public sealed class DraftCheckTests
{
    private static readonly DateTimeOffset CallStart = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = CallStart.AddMinutes(12);

    private static DraftReply Reply(string outcome = "callback requested", params FollowUpReply[] followUps) =>
        new("Client wants to review the renewal next week.", outcome, followUps);

    [Fact]
    public void Draft_WithAListedOutcomeAndAFutureTime_HasNoErrors() =>
        Assert.Empty(DraftCheck.Errors(Reply("callback requested", new FollowUpReply("Call about the renewal", "2026-03-09T10:00:00-06:00"), new FollowUpReply("Send the quote", null)), CallStart, Now));

    [Fact]
    public void Outcome_NotInTheList_IsNamedInTheError() =>
        Assert.Contains("\"interested\" is not one of", Assert.Single(DraftCheck.Errors(Reply("interested"), CallStart, Now)));

    [Theory]
    [InlineData("next tuesday", "is not an ISO 8601 time")]
    [InlineData("2026-03-01T10:00:00Z", "is before the call started")]
    [InlineData("2027-06-01T10:00:00Z", "more than a year ahead")]
    public void FollowUpTime_NotSane_IsAnError(string when, string expected) =>
        Assert.Contains(expected, Assert.Single(DraftCheck.Errors(Reply("reached", new FollowUpReply("Call back", when)), CallStart, Now)));

    [Fact]
    public void EmptySummaryAndFollowUp_AreBothErrors() =>
        Assert.Equal(2, DraftCheck.Errors(new DraftReply(" ", "reached", [new FollowUpReply("", null)]), CallStart, Now).Count);
}
