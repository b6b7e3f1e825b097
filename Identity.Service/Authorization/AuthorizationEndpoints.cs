using AgentCalls.Identity.Service.Agents;
using AgentCalls.Identity.Service.GoogleAccounts;
using AgentCalls.Identity.Service.Hosting;
using AgentCalls.Identity.Service.SignIn;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.Authorization;

/// <summary>
/// The parts of the OpenID Connect flow OpenIddict leaves to the application (passthrough): who the agent is
/// at the authorization endpoint, and whether the agent still exists, and its session has not reached its lifetime
/// (<see cref="IdentityOptions.SessionLifetime"/> from sign-in), when a code or refresh token is redeemed.
/// </summary>
public static class AuthorizationEndpoints
{
    public static IEndpointRouteBuilder MapAuthorizationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        app.MapPost("/connect/token", ExchangeAsync);
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http, AgentDirectory agents, SignInMethods methods, SessionLimit session, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (http.Request.Query[GoogleEndpoints.SignInErrorParameter].ToString() is { Length: > 0 } googleError)
        {
            // Google refused or failed the sign-in: tell the client, through the protocol, rather than a dead end here.
            return googleError == Errors.AccessDenied
                ? Reject(Errors.AccessDenied, "The agent did not allow sign-in with Google.")
                : Reject(Errors.ServerError, $"Sign-in with Google failed ({googleError}).");
        }

        var signIn = await http.AuthenticateAsync(SignInCookie.Scheme);
        var agent = signIn.Succeeded && Guid.TryParse(signIn.Principal.GetClaim(Claims.Subject), out var agentId)
            ? await agents.FindAsync(agentId, cancellationToken)
            : null;

        if (agent is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Reject(Errors.LoginRequired, "The agent is not signed in.");
            }

            // The sign-in page sends the browser back here, with the same request, once the agent is known.
            var returnUrl = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
            if (methods.DevelopmentSignIn)
            {
                // The development page also offers Google when it is configured.
                return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [SignInCookie.Scheme]);
            }

            return methods.Google
                ? GoogleChallenge.SignIn(returnUrl)
                : Reject(Errors.AccessDenied, "No sign-in method is configured for this environment.");
        }

        // The sign-in cookie only carries the agent from the sign-in page to here.
        await http.SignOutAsync(SignInCookie.Scheme);
        return Results.SignIn(session.Limit(AgentPrincipal.Create(agent, request.GetScopes(), session.Now)), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, AgentDirectory agents, SessionLimit session, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has authenticated the client and checked it may use this grant and these scopes.
            return Results.SignIn(ServicePrincipal.Create(request.ClientId!, request.GetScopes()), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return Reject(Errors.UnsupportedGrantType, "Only the authorization code, refresh token and client credentials grants are supported.");
        }

        var redeemed = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var agent = Guid.TryParse(redeemed.Principal?.GetClaim(Claims.Subject), out var agentId)
            ? await agents.FindAsync(agentId, cancellationToken)
            : null;
        if (agent is null)
        {
            return Reject(Errors.InvalidGrant, "The agent no longer exists.");
        }

        var signedInAt = AgentPrincipal.SignedInAt(redeemed.Principal!);
        if (signedInAt is null || session.HasEnded(signedInAt.Value))
        {
            return Reject(Errors.InvalidGrant, "The session has reached its lifetime: sign in again.");
        }

        return Results.SignIn(session.Limit(AgentPrincipal.Create(agent, redeemed.Principal!.GetScopes(), signedInAt.Value)), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Reject(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
