using AgentCalls.Gateway.Security;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Gateway.Sessions;
using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Claims = OpenIddict.Abstractions.OpenIddictConstants.Claims;
using IdentityClient = AgentCalls.Contracts.Identity.V1.Identity.IdentityClient;

namespace AgentCalls.Gateway.Bff;

/// <summary>
/// Account actions that must also end browser sessions, which only the gateway holds: sign out everywhere
/// (Identity revokes every refresh token; the gateway drops every session of the agent) and delete the account.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/bff").RequireRateLimiting(AgentRateLimiting.AnonymousPolicyName);
        account.MapPost("/logout-everywhere", (HttpContext http, IdentityClient identity, SessionTokens tokens, RedisTicketStore sessions) =>
            ForAgentAsync(http, tokens, sessions, (headers, ct) => identity.SignOutEverywhereAsync(new SignOutEverywhereRequest(), headers, cancellationToken: ct).ResponseAsync));
        account.MapPost("/delete-account", (HttpContext http, IdentityClient identity, SessionTokens tokens, RedisTicketStore sessions) =>
            ForAgentAsync(http, tokens, sessions, (headers, ct) => identity.DeleteAccountAsync(new DeleteAccountRequest(), headers, cancellationToken: ct).ResponseAsync));
        return app;
    }

    private static async Task<IResult> ForAgentAsync<T>(HttpContext http, SessionTokens tokens, RedisTicketStore sessions, Func<Metadata, CancellationToken, Task<T>> call)
    {
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var agentId = session.Principal?.FindFirst(Claims.Subject)?.Value;
        if (agentId is null || await tokens.GetAccessTokenAsync(http) is not { } accessToken)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");
        }

        try
        {
            await call(new Metadata { { "Authorization", $"Bearer {accessToken}" } }, http.RequestAborted);
        }
        catch (RpcException e)
        {
            return GrpcProblems.ToResult(e);
        }

        await sessions.RemoveAllOfAgentAsync(agentId);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }
}
