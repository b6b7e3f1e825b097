using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Identity.Service.Registrations;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using OpenIddict.Abstractions;
using GoogleTokensBase = AgentCalls.Contracts.Identity.V1.GoogleTokens.GoogleTokensBase;

namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>
/// Google access tokens for AgentCalls' services; nothing else leaves the vault. An agent's token gets that
/// agent's Google token only; a service token (scope google.tokens, its client id as subject) may name any agent.
/// </summary>
public sealed class GoogleTokensGrpcService(GoogleTokenVault vault) : GoogleTokensBase
{
    public const string ErrorDomain = "identity.agentcalls";

    public override Task<GetGoogleAccessTokenResponse> GetGoogleAccessToken(GetGoogleAccessTokenRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (!CurrentAgent.IsAgent(user))
        {
            throw Denied("A service token names its agent: call GetGoogleAccessTokenForAgent.");
        }

        return IssueAsync(CurrentAgent.Read(user), request.RejectedAccessToken, context.CancellationToken);
    }

    public override Task<GetGoogleAccessTokenResponse> GetGoogleAccessTokenForAgent(GetGoogleAccessTokenForAgentRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (CurrentAgent.IsAgent(user) || !user.HasScope(ClientRegistrations.GoogleTokensScope))
        {
            throw Denied($"Only a service token with the {ClientRegistrations.GoogleTokensScope} scope may name an agent.");
        }

        if (!Guid.TryParse(request.AgentId, out var agentId))
        {
            throw FieldViolations.Single("agentId", "must be an agent id.");
        }

        return IssueAsync(agentId, request.RejectedAccessToken, context.CancellationToken);
    }

    private async Task<GetGoogleAccessTokenResponse> IssueAsync(Guid agentId, string rejected, CancellationToken cancellationToken)
    {
        try
        {
            var token = await vault.GetAccessTokenAsync(agentId, rejected is { Length: > 0 } ? rejected : null, cancellationToken);
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

    private static RpcException Denied(string message) => new(new Grpc.Core.Status(StatusCode.PermissionDenied, message));
}
