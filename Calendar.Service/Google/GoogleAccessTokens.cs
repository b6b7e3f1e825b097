using AgentCalls.Contracts.Identity.V1;
using Google.Rpc;
using Grpc.Core;

namespace AgentCalls.Calendar.Service.Google;

/// <summary>
/// Google access tokens from Identity: for the agent making the current request (their own token goes along), or,
/// for background work, for a named agent with this service's own token. A missing or revoked grant becomes
/// <see cref="GoogleAccessUnavailableException"/>.
/// </summary>
public sealed class GoogleAccessTokens(GoogleTokens.GoogleTokensClient identity, ServiceTokenSource serviceTokens, IHttpContextAccessor http)
{
    public async Task<string> ForCallerAsync(CancellationToken cancellationToken)
    {
        var headers = new Metadata { { "Authorization", http.HttpContext?.Request.Headers.Authorization.ToString() ?? "" } };
        return await CallAsync(() => identity.GetGoogleAccessTokenAsync(new(), headers, cancellationToken: cancellationToken).ResponseAsync);
    }

    public async Task<string> ForAgentAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var headers = new Metadata { { "Authorization", $"Bearer {await serviceTokens.GetAsync(cancellationToken)}" } };
        return await CallAsync(() => identity.GetGoogleAccessTokenForAgentAsync(new() { AgentId = agentId.ToString() }, headers, cancellationToken: cancellationToken).ResponseAsync);
    }

    private static async Task<string> CallAsync(Func<Task<GetGoogleAccessTokenResponse>> call)
    {
        try
        {
            return (await call()).AccessToken;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            var reason = e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? GoogleAccessUnavailableException.NotConnected;
            throw new GoogleAccessUnavailableException(reason, e.Status.Detail);
        }
    }
}
