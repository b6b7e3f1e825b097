using AgentCalls.Gateway.Security;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using AgentCalls.Gateway.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Gateway.Bff;

/// <summary>
/// The browser's sign-in and sign-out: the gateway runs the OpenID Connect code flow with Identity and keeps
/// the tokens in its server-side session; the browser only ever holds the session cookie.
/// </summary>
public static partial class BffEndpoints
{
    public const string CallbackPath = "/bff/callback";

    /// <summary>The session's token names, and where OpenIddict's client puts each after the code exchange.</summary>
    private static readonly (string Session, string OpenIddict)[] KeptTokens =
    [
        (SessionTokenNames.AccessToken, OpenIddictClientAspNetCoreConstants.Tokens.BackchannelAccessToken),
        (SessionTokenNames.ExpiresAt, OpenIddictClientAspNetCoreConstants.Tokens.BackchannelAccessTokenExpirationDate),
        (SessionTokenNames.RefreshToken, OpenIddictClientAspNetCoreConstants.Tokens.RefreshToken),
        (SessionTokenNames.IdentityToken, OpenIddictClientAspNetCoreConstants.Tokens.BackchannelIdentityToken),
    ];

    public static IEndpointRouteBuilder MapBffEndpoints(this IEndpointRouteBuilder app)
    {
        var bff = app.MapGroup("/bff").RequireRateLimiting(AgentRateLimiting.AnonymousPolicyName);
        bff.MapGet("/login", Login);
        bff.MapMethods("/callback", [HttpMethods.Get, HttpMethods.Post], CallbackAsync);
        bff.MapPost("/logout", LogoutAsync);
        return app;
    }

    private static IResult Login([FromQuery] string? returnUrl)
    {
        if (returnUrl is not null && !LocalReturnUrl.IsLocal(returnUrl))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["returnUrl"] = ["must be a path of this site, like /today."] },
                title: "Cannot sign in to that address");
        }

        return Results.Challenge(
            new AuthenticationProperties { RedirectUri = returnUrl ?? LocalReturnUrl.Default },
            [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> CallbackAsync(HttpContext http, SessionLifetime lifetime, ILogger<SignInLog> logger)
    {
        var result = await http.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal?.GetClaim(Claims.Subject) is not { } agentId)
        {
            var error = result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.Error) ?? "sign_in_failed";
            LogSignInFailed(logger, error, result.Failure?.Message);
            return Results.Redirect($"/?signInError={Uri.EscapeDataString(error)}");
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, agentId)
            .SetClaim(Claims.Name, result.Principal.GetClaim(Claims.Name))
            .SetClaim(Claims.Email, result.Principal.GetClaim(Claims.Email));

        // Only what Identity issued is kept; a session without an expiry date simply refreshes on first use.
        var session = new AuthenticationProperties();
        session.StoreTokens(KeptTokens
            .Select(names => new AuthenticationToken { Name = names.Session, Value = result.Properties?.GetTokenValue(names.OpenIddict) ?? "" })
            .Where(token => token.Value.Length > 0));
        lifetime.Start(session);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), session);

        var returnUrl = result.Properties?.RedirectUri;
        return Results.Redirect(LocalReturnUrl.IsLocal(returnUrl) ? returnUrl! : LocalReturnUrl.Default);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, OpenIddictClientService oidc, ILogger<SignInLog> logger)
    {
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (session.Succeeded && session.Properties.GetTokenValue(SessionTokenNames.RefreshToken) is { } refreshToken)
        {
            try
            {
                await oidc.RevokeTokenAsync(new() { Token = refreshToken, TokenTypeHint = TokenTypeHints.RefreshToken, CancellationToken = http.RequestAborted });
            }
            catch (Exception e) when (e is OpenIddictExceptions.ProtocolException or HttpRequestException)
            {
                // The session ends anyway; an unrevoked refresh token expires on its own.
                LogRevocationFailed(logger, e);
            }
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }

    /// <summary>Log category for sign-in and sign-out.</summary>
    public sealed class SignInLog;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed: {Error} ({Reason}).")]
    private static partial void LogSignInFailed(ILogger logger, string error, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not revoke the session's refresh token at sign-out.")]
    private static partial void LogRevocationFailed(ILogger logger, Exception exception);
}
