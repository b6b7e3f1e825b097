using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IdentityBase = AgentCalls.Contracts.Identity.V1.Identity.IdentityBase;

namespace AgentCalls.Identity.Service.Agents;

public sealed class IdentityGrpcService(CurrentAgent current, AgentDirectory agents) : IdentityBase
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
}
