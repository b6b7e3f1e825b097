using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Conversation.Service.Calls;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ScheduledCallsClient = AgentCalls.Contracts.Calendar.V1.ScheduledCalls.ScheduledCallsClient;
using ClientsClient = AgentCalls.Contracts.Clients.V1.Clients.ClientsClient;

namespace AgentCalls.Conversation.Service.Actions;

/// <summary>
/// Runs a confirmed action through the service that owns the data, with the agent's own token, so that service
/// checks ownership and validates it as it would any request of the agent's. Returns what was done.
/// </summary>
public sealed class ActionRunner(ClientsClient clients, ScheduledCallsClient calendar)
{
    public async Task<string> RunAsync(CallSession call, ActionProposal proposal, string authorization, CancellationToken cancellationToken)
    {
        var headers = new Metadata { { "Authorization", authorization } };
        var arguments = proposal.Arguments;
        switch (proposal.Kind)
        {
            case ActionKinds.ScheduleFollowUp:
                var start = DateTimeOffset.Parse(arguments.Text("startTime")!);
                var scheduled = await calendar.ScheduleCallAsync(new ScheduleCallRequest
                {
                    // The proposal's id: Calendar schedules it once however often the run is retried.
                    RequestId = proposal.Id.ToString(),
                    ClientId = call.Client.Id.ToString(),
                    StartTime = Timestamp.FromDateTimeOffset(start),
                    DurationMinutes = arguments.Number("durationMinutes") ?? 0,
                    Notes = arguments.Text("notes") ?? "",
                }, headers, cancellationToken: cancellationToken);
                return $"Follow-up call scheduled for {scheduled.StartTime.ToDateTimeOffset():u}";
            case ActionKinds.SetOutcome:
                call.ChosenOutcome = Outcomes.Parse(arguments.Text("outcome"));
                return $"Outcome set to {Outcomes.Name(call.ChosenOutcome.Value)}";
            default:
                return await UpdateClientAsync(call, proposal, headers, cancellationToken);
        }
    }

    private async Task<string> UpdateClientAsync(CallSession call, ActionProposal proposal, Metadata headers, CancellationToken cancellationToken)
    {
        var client = await clients.GetClientAsync(new GetClientRequest { ClientId = call.Client.Id.ToString() }, headers, cancellationToken: cancellationToken);
        var arguments = proposal.Arguments;
        string done;
        switch (proposal.Kind)
        {
            case ActionKinds.AddNote:
                client.Notes = $"{client.Notes}\n{arguments.Text("text")}".Trim();
                done = "Note added";
                break;
            case ActionKinds.MarkDoNotCall:
                client.DoNotCall = true;
                client.DoNotCallReason = arguments.Text("reason") ?? "Asked on a call";
                done = "Marked do not call";
                break;
            default:
                client.Email = arguments.Text("email") ?? client.Email;
                client.TimeZone = arguments.Text("timeZone") ?? client.TimeZone;
                done = "Client updated";
                break;
        }

        // The etag read above goes back: a change made meanwhile is Aborted there, not overwritten.
        await clients.UpdateClientAsync(new UpdateClientRequest { Client = client }, headers, cancellationToken: cancellationToken);
        return $"{done} for {client.DisplayName}";
    }
}
