using System.Diagnostics;
using AgentCalls.Bench.Support;
using AgentCalls.Contracts.Conversation.V1;
using Google.Protobuf.WellKnownTypes;

namespace AgentCalls.Bench.LiveCall;

/// <summary>
/// From the agent's confirm (the ConfirmAction request leaving, as the web app sends it) to the action's result on the
/// call's socket (the <c>proposal</c> message in its final state), one action at a time: a note added through Clients
/// and a follow-up call scheduled through Calendar, in turn, a few on each call (a call's actions and audit trail are
/// written whole at every step, so a call with hundreds of them would not be a call). A failed action fails the run:
/// its time is not a result.
/// </summary>
public static class ConfirmLatency
{
    private const int PerCall = 4;

    public static async Task<(Latencies Note, Latencies FollowUp)> RunAsync(ConversationUnderTest conversation, int confirms, CancellationToken cancellationToken)
    {
        var note = new Latencies("confirm -> result: add_note (Clients)");
        var followUp = new Latencies("confirm -> result: follow-up (Calendar)");
        // The first of each kind warms the process up and is not counted.
        for (var i = -2; i < confirms;)
        {
            await ConfirmOnOneCallAsync(conversation, i, Math.Min(PerCall, confirms - i), note, followUp, cancellationToken);
            i += PerCall;
        }

        return (note, followUp);
    }

    private static async Task ConfirmOnOneCallAsync(
        ConversationUnderTest conversation, int first, int count, Latencies note, Latencies followUp, CancellationToken cancellationToken)
    {
        var (callId, socket) = await conversation.OpenCallAsync(cancellationToken);
        await using (socket)
        {
            for (var i = first; i < first + count; i++)
            {
                var scheduling = (i & 1) == 0;
                var arguments = scheduling
                    ? new Struct { Fields = { ["startTime"] = Value.ForString(FollowUpTime(i + 2).ToString("o")), ["notes"] = Value.ForString("Renewal review") } }
                    : new Struct { Fields = { ["text"] = Value.ForString($"Asked about water backup cover ({i + 2}).") } };
                var proposal = await conversation.Calls.ProposeActionAsync(
                    new ProposeActionRequest { CallId = callId, Kind = scheduling ? "schedule_follow_up" : "add_note", Arguments = arguments },
                    conversation.Agent.Bearer, cancellationToken: cancellationToken);
                await socket.NextAsync(p => IsProposal(p, proposal.ProposalId, "proposed"), ConversationUnderTest.Patience, cancellationToken);

                var confirmed = Stopwatch.GetTimestamp();
                await conversation.Calls.ConfirmActionAsync(
                    new ConfirmActionRequest { CallId = callId, ProposalId = proposal.ProposalId, RequestId = Guid.NewGuid().ToString() },
                    conversation.Agent.Bearer, cancellationToken: cancellationToken);
                var result = await socket.NextAsync(p => IsProposal(p, proposal.ProposalId, "succeeded", "failed"), ConversationUnderTest.Patience, cancellationToken);
                var outcome = result.Message.GetProperty("proposal");
                if (outcome.GetProperty("state").GetString() != "succeeded")
                {
                    throw new InvalidOperationException($"A confirmed {proposal.Kind} failed: {outcome.GetProperty("result").GetString()}");
                }

                if (i >= 0)
                {
                    (scheduling ? followUp : note).Add(Stopwatch.GetElapsedTime(confirmed, result.At).TotalMilliseconds);
                }
            }

            await socket.EndAsync(cancellationToken);
            await socket.NextAsync("ended", ConversationUnderTest.Patience, cancellationToken);
        }
    }

    private static bool IsProposal(Pushed pushed, string proposalId, params string[] states) =>
        pushed.Type == "proposal" && pushed.Message.GetProperty("proposal") is var proposal
        && proposal.GetProperty("proposalId").GetString() == proposalId && states.Contains(proposal.GetProperty("state").GetString());

    /// <summary>A follow-up an hour after the one before, from a week ahead, so none overlaps another.</summary>
    private static DateTimeOffset FollowUpTime(int index) =>
        new DateTimeOffset(DateTime.UtcNow.Date.AddDays(7), TimeSpan.Zero).AddHours(14 + index);
}
