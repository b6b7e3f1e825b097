using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AgentCalls.Conversation.Tests;

/// <summary>The confirmation rules: a write runs only on confirm, once, as the agent; rejected or expired never.</summary>
public sealed class ActionsTests(ConversationServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProposedWrite_RunsOnlyOnConfirm_AndADoubleConfirmRunsOnce()
    {
        var agent = await host.SignInAsync("Confirm Cora", cancellationToken: Cancel);
        var (client, call) = await host.StartCallAsync(agent);
        var proposal = await ProposeAsync(agent, call, "add_note", ("text", "Wants a flood quote"));

        var untouched = await ReadClientAsync(agent, client);
        var first = await ConfirmAsync(agent, call, proposal, "req-1");
        var repeated = await ConfirmAsync(agent, call, proposal, "req-1");
        var other = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(agent, call, proposal, "req-2"));
        var noted = await ReadClientAsync(agent, client);
        var held = await host.Calls.GetCallAsync(new GetCallRequest { CallId = call.CallId }, agent.Bearer, cancellationToken: Cancel);

        Assert.Equal("", untouched.Notes);
        Assert.Equal(("succeeded", "succeeded"), (first.State, repeated.State));
        Assert.Equal(first.Result, repeated.Result);
        Assert.Equal(StatusCode.FailedPrecondition, other.StatusCode);
        Assert.Equal("Wants a flood quote", noted.Notes);
        Assert.Equal("succeeded", Assert.Single(held.Actions).State);
    }

    [Fact]
    public async Task RejectedOrExpiredProposals_NeverRun()
    {
        var agent = await host.SignInAsync("Reject Rhea", cancellationToken: Cancel);
        var (client, call) = await host.StartCallAsync(agent);
        var doNotCall = await ProposeAsync(agent, call, "mark_do_not_call", ("reason", "misheard"));
        await host.Calls.RejectActionAsync(new RejectActionRequest { CallId = call.CallId, ProposalId = doNotCall.ProposalId }, agent.Bearer, cancellationToken: Cancel);
        var older = await ProposeAsync(agent, call, "add_note", ("text", "first idea"));
        await ProposeAsync(agent, call, "add_note", ("text", "the conversation moved on"));

        var rejected = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(agent, call, doNotCall, "r1"));
        var expired = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(agent, call, older, "r2"));
        var after = await ReadClientAsync(agent, client);

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (rejected.StatusCode, expired.StatusCode));
        Assert.Equal((false, ""), (after.DoNotCall, after.Notes));
    }

    [Fact]
    public async Task AnotherAgent_CannotConfirmOrRejectTheCallsProposals()
    {
        var agent = await host.SignInAsync("Own Olga", cancellationToken: Cancel);
        var stranger = await host.SignInAsync("Other Otto", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent);
        var proposal = await ProposeAsync(agent, call, "add_note", ("text", "mine"));

        var refused = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(stranger, call, proposal, "x"));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task ConfirmedOutcome_IsTheDraftsOutcome_AndEveryStepIsInTheAudit()
    {
        var agent = await host.SignInAsync("Outcome Omar", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent);
        var proposal = await ProposeAsync(agent, call, "set_outcome", ("outcome", "renewed"));
        await ConfirmAsync(agent, call, proposal, "o1");

        var draft = await host.Calls.EndCallAsync(new EndCallRequest { CallId = call.CallId }, agent.Bearer, cancellationToken: Cancel);
        var saved = await host.Calls.SaveCallAsync(new SaveCallRequest { CallId = call.CallId, Outcome = draft.Outcome, Summary = draft.Summary }, agent.Bearer, cancellationToken: Cancel);
        var log = await host.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.CallLogs, l => l.Id == Guid.Parse(saved.CallLogId), Cancel));

        Assert.Equal(CallOutcome.Renewed, draft.Outcome);
        Assert.Equal(["proposed", "confirmed", "succeeded"], log.Audit.Select(a => a.Step));
    }

    [Fact]
    public async Task Propose_UnknownKindOrMissingArguments_IsInvalidArgument()
    {
        var agent = await host.SignInAsync("Invalid Ivo", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent);

        var unknown = await RpcAssert.InvalidArgumentAsync(() => ProposeAsync(agent, call, "delete_everything"));
        var missing = await RpcAssert.InvalidArgumentAsync(() => ProposeAsync(agent, call, "schedule_follow_up", ("notes", "no time given")));

        Assert.Equal(["kind"], unknown);
        Assert.Equal(["arguments.startTime"], missing);
    }

    private async Task<Contracts.Conversation.V1.ActionProposal> ProposeAsync(SignedInAgent agent, Call call, string kind, params (string Name, string Value)[] arguments)
    {
        var values = new Struct();
        foreach (var (name, value) in arguments)
        {
            values.Fields[name] = Value.ForString(value);
        }

        return await host.Calls.ProposeActionAsync(new ProposeActionRequest { CallId = call.CallId, Kind = kind, Arguments = values }, agent.Bearer, cancellationToken: Cancel);
    }

    private async Task<Contracts.Conversation.V1.ActionProposal> ConfirmAsync(SignedInAgent agent, Call call, Contracts.Conversation.V1.ActionProposal proposal, string requestId) =>
        await host.Calls.ConfirmActionAsync(new ConfirmActionRequest { CallId = call.CallId, ProposalId = proposal.ProposalId, RequestId = requestId }, agent.Bearer, cancellationToken: Cancel);

    private async Task<Client> ReadClientAsync(SignedInAgent agent, Client client) =>
        await host.ClientsServer.Clients.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);
}
