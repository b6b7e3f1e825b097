using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IdentityBase = AgentCalls.Contracts.Identity.V1.Identity.IdentityBase;

namespace AgentCalls.Identity.Service.Agents;

public sealed class IdentityGrpcService(CurrentAgent current, AgentDirectory agents, SessionRevocation sessions, AccountDeletion deletion) : IdentityBase
{
    public override async Task<GetMeResponse> GetMe(GetMeRequest request, ServerCallContext context)
    {
        var agent = await agents.FindAsync(current.Id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "The signed-in agent no longer exists."));
        return new GetMeResponse
        {
            AgentId = agent.Id.ToString(),
            DisplayName = agent.DisplayName,
            Email = agent.Email,
            CreatedAt = Timestamp.FromDateTimeOffset(agent.CreatedAt),
        };
    }

    public override async Task<SignOutEverywhereResponse> SignOutEverywhere(SignOutEverywhereRequest request, ServerCallContext context) =>
        new() { RevokedTokens = await sessions.RevokeAllAsync(current.Id, context.CancellationToken) };

    public override async Task<DeleteAccountResponse> DeleteAccount(DeleteAccountRequest request, ServerCallContext context) =>
        await deletion.DeleteAsync(current.Id, context.CancellationToken)
            ? new DeleteAccountResponse()
            : throw new RpcException(new Status(StatusCode.NotFound, "The signed-in agent no longer exists."));
}
