using System.Security.Claims;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Identity.Service.Hosting;
using AgentCalls.Identity.Service.Registrations;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using GoogleTokensBase = AgentCalls.Contracts.Identity.V1.GoogleTokens.GoogleTokensBase;

namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>
/// Google access tokens for Calendar.Service; nothing else leaves the vault. Only Calendar's own token (client
/// credentials as agentcalls-calendar, scope google.tokens) is served: agent tokens are relayed between services and
/// handed to API clients, so holding one must not be enough to reach the agent's Google Calendar. While serving an
/// agent's request Calendar passes that agent's token along, and the agent comes from it, not from Calendar's word.
/// </summary>
public sealed class GoogleTokensGrpcService(GoogleTokenVault vault, OpenIddictValidationService validation) : GoogleTokensBase
{
    public const string ErrorDomain = "identity.agentcalls";

    private static readonly TimeSpan GoogleUnavailableRetryDelay = TimeSpan.FromSeconds(5);

    public override async Task<GetGoogleAccessTokenResponse> GetGoogleAccessToken(GetGoogleAccessTokenRequest request, ServerCallContext context)
    {
        RequireCalendarService(context);
        var agent = await ValidateAgentTokenAsync(request.AgentAccessToken, context.CancellationToken);
        return await IssueAsync(CurrentAgent.Read(agent), request.RejectedAccessToken, context.CancellationToken);
    }

    public override Task<GetGoogleAccessTokenResponse> GetGoogleAccessTokenForAgent(GetGoogleAccessTokenForAgentRequest request, ServerCallContext context)
    {
        RequireCalendarService(context);
        if (!Guid.TryParse(request.AgentId, out var agentId))
        {
            throw FieldViolations.Single("agentId", "must be an agent id.");
        }

        return IssueAsync(agentId, request.RejectedAccessToken, context.CancellationToken);
    }

    /// <summary>Whether <paramref name="user"/> is Calendar.Service's own token: the one client that holds the google.tokens scope.</summary>
    public static bool IsCalendarService(ClaimsPrincipal user) =>
        AgentAuthorization.IsServiceClient(user, ServiceClients.CalendarClientId, ClientRegistrations.GoogleTokensScope);

    private static void RequireCalendarService(ServerCallContext context)
    {
        if (!IsCalendarService(context.GetHttpContext().User))
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied,
                $"Google access tokens are for Calendar.Service's own token (scope {ClientRegistrations.GoogleTokensScope}) only."));
        }
    }

    private async Task<ClaimsPrincipal> ValidateAgentTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > 0)
        {
            try
            {
                var agent = await validation.ValidateAccessTokenAsync(token, cancellationToken);
                if (CurrentAgent.IsAgent(agent))
                {
                    return agent;
                }
            }
            catch (OpenIddictExceptions.ProtocolException)
            {
                // Expired, forged or for another audience: the same answer as a missing token.
            }
        }

        throw new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "agentAccessToken must be the valid access token of the agent whose request is served."));
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
        catch (GoogleConnectionException e) when (e.Reason == GoogleConnectionException.GoogleUnavailable)
        {
            throw new Google.Rpc.Status
            {
                Code = (int)Code.Unavailable,
                Message = e.Message,
                Details =
                {
                    Any.Pack(new ErrorInfo { Reason = e.Reason, Domain = ErrorDomain }),
                    Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(GoogleUnavailableRetryDelay) }),
                },
            }.ToRpcException();
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
