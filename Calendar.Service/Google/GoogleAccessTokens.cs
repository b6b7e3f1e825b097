using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Google.Rpc;
using Grpc.Core;

namespace AgentCalls.Calendar.Service.Google;

/// <summary>
/// Google access tokens from Identity, always asked for with this service's own token (Identity serves no other): for
/// the agent making the current request (whose validated token goes along, so Identity takes the agent from it), or,
/// for background work, for a named agent. A missing or revoked grant becomes
/// <see cref="GoogleAccessUnavailableException"/>. Identity hands a token out until it nears expiry, but Google may
/// refuse it sooner (401: the agent revoked AgentCalls' access at Google); the work then runs once more with the token
/// Identity gives in its place, and asking for that is how Identity learns of the revoked grant.
/// </summary>
public sealed class GoogleAccessTokens(GoogleTokens.GoogleTokensClient identity, ServiceTokenSource serviceTokens, IHttpContextAccessor http)
{
    /// <summary>Runs <paramref name="work"/> with the calling agent's Google token.</summary>
    public async Task WithCallerTokenAsync(Func<string, Task> work, CancellationToken cancellationToken)
    {
        var authorization = http.HttpContext?.Request.Headers.Authorization.ToString() ?? "";
        var agentToken = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : "";
        var headers = await serviceTokens.HeadersAsync(cancellationToken);
        await WithTokenAsync(rejected => CallAsync(() => identity.GetGoogleAccessTokenAsync(
            new() { RejectedAccessToken = rejected, AgentAccessToken = agentToken }, headers, cancellationToken: cancellationToken).ResponseAsync), work);
    }

    /// <summary>Runs <paramref name="work"/> with agent <paramref name="agentId"/>'s Google token, as this service.</summary>
    public async Task WithAgentTokenAsync(Guid agentId, Func<string, Task> work, CancellationToken cancellationToken)
    {
        var headers = await serviceTokens.HeadersAsync(cancellationToken);
        await WithTokenAsync(rejected => CallAsync(() => identity.GetGoogleAccessTokenForAgentAsync(
            new() { AgentId = agentId.ToString(), RejectedAccessToken = rejected }, headers, cancellationToken: cancellationToken).ResponseAsync), work);
    }

    private static async Task WithTokenAsync(Func<string, Task<string>> token, Func<string, Task> work)
    {
        var first = await token("");
        try
        {
            await work(first);
        }
        catch (GoogleApiException e) when (e.IsTokenRefused)
        {
            await work(await token(first));
        }
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
