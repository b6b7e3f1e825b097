using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using GoogleTokensBase = AgentCalls.Contracts.Identity.V1.GoogleTokens.GoogleTokensBase;

namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>Google access tokens for services acting for the agent named by the propagated token; nothing else leaves the vault.</summary>
public sealed class GoogleTokensGrpcService(CurrentAgent agent, GoogleTokenVault vault) : GoogleTokensBase
{
    public const string ErrorDomain = "identity.agentcalls";

    public override async Task<GetGoogleAccessTokenResponse> GetGoogleAccessToken(GetGoogleAccessTokenRequest request, ServerCallContext context)
    {
        try
        {
            var token = await vault.GetAccessTokenAsync(agent.Id, context.CancellationToken);
            var response = new GetGoogleAccessTokenResponse { AccessToken = token.Value, ExpiresAt = Timestamp.FromDateTimeOffset(token.ExpiresAt) };
            response.Scopes.AddRange(token.Scopes);
            return response;
        }
        catch (GoogleConnectionException e)
        {
            throw new Google.Rpc.Status
            {
                Code = (int)Code.FailedPrecondition,
                Message = e.Message,
                Details = { Any.Pack(new ErrorInfo { Reason = e.Reason, Domain = ErrorDomain }) },
            }.ToRpcException();
        }
    }
}
